console.log("sidekick content", chrome.runtime.id)
export {}
