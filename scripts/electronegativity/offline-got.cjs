// Stand-in for `got` inside Electronegativity: every request fails at once (see offline-hooks.mjs).
const offline = () => Promise.reject(new Error('offline: Rungs runs Electronegativity without network access'));
offline.head = offline;
offline.get = offline;
module.exports = offline;
module.exports.default = offline;
