// Nothing to download here (the network has only the npm registry): this only prepares local folders.
const { mkdirSync } = require('node:fs');
mkdirSync(require('node:path').join(__dirname, '..', 'data'), { recursive: true });
