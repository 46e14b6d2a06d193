/**
 * Small, deterministic text models in plain TypeScript: hashed features, multinomial logistic
 * regression, compact serialisation, k-fold evaluation and calibration. No DOM, no dependencies.
 */
export * from "./rng"
export * from "./features"
export * from "./logreg"
export * from "./serialize"
export * from "./cross-validation"
export * from "./calibration"
