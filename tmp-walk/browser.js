(() => {
      const RE = /\d{4}|[０-９]{4}/
      const variants = {
        floor() {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
          let c = 0
          for (let n = w.nextNode(); n; n = w.nextNode()) c += n.data.length
          return c
        },
        textPrefilter() {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
          const out = []
          for (let n = w.nextNode(); n; n = w.nextNode()) { const d = n.data; if (d.length >= 8 && RE.test(d)) out.push(n) }
          return out.length
        },
        elemText() {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
          const out = []
          let s = 0
          for (let n = w.nextNode(); n; n = w.nextNode()) {
            if (n.nodeType === 3) { const d = n.data; if (d.length >= 8 && RE.test(d)) out.push(n) }
            else if (n.shadowRoot) s++
          }
          return out.length + s
        },
        elemTextTag() {
          const SK = new Set(["SCRIPT","STYLE","INPUT","TEXTAREA","IFRAME"])
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
          const out = []
          let s = 0
          for (let n = w.nextNode(); n; n = w.nextNode()) {
            if (n.nodeType === 3) { const d = n.data; if (d.length >= 8 && RE.test(d)) out.push(n) }
            else { if (SK.has(n.tagName)) s++; if (n.shadowRoot) s++ }
          }
          return out.length + s
        },
        textPlusQsa() {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
          const out = []
          for (let n = w.nextNode(); n; n = w.nextNode()) { const d = n.data; if (d.length >= 8 && RE.test(d)) out.push(n) }
          return out.length + document.body.querySelectorAll("input,textarea,iframe,frame").length
        },
        gebtn() {
          let c = 0
          for (const t of ["input","textarea","iframe","frame"]) { const l = document.body.getElementsByTagName(t); for (let i = 0; i < l.length; i++) c++ }
          return c
        },
        qsaFields() { return document.body.querySelectorAll("input,textarea,iframe,frame").length },
        elemWalkShadow() {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT)
          let s = 0
          for (let n = w.nextNode(); n; n = w.nextNode()) if (n.shadowRoot) s++
          return s
        },
        textTitle() { let c = 0; for (const e of document.querySelectorAll("h1, h2, [class*='title' i], [class*='subject' i], [class*='headline' i], [id*='title' i], [role='heading']")) c++; return c },
        qsaAllShadow() {
          let s = 0
          for (const e of document.body.querySelectorAll("*")) if (e.shadowRoot) s++
          return s
        },
      }
      const names = Object.keys(variants)
      const times = {}
      for (const k of names) { times[k] = []; variants[k]() }
      for (let r = 0; r < 15; r++) for (const k of names) { const t0 = performance.now(); variants[k](); times[k].push(performance.now() - t0) }
      const med = (xs) => xs.sort((a,b) => a - b)[xs.length >> 1]
      const f = med(times.floor)
      return Object.fromEntries(names.map((k) => [k, `${med(times[k]).toFixed(2)}ms ${(med(times[k]) / f).toFixed(2)}x`]))
    })()