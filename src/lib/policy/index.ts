/** Admin policy (managed storage): the schema, the parser with its diagnostics, and the merge rules. */
export * from "./model"
export * from "./schema"
export * from "./parse"
export * from "./merge"
