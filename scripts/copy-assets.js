// tsc compiles only TypeScript; plugin manifests, declarative meters and views go beside the output.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const assetPattern = /(^plugin\.json$|\.meter\.json$|\.ejs$|\.css$|^package\.json$)/;
const folders = ['plugins', 'admin-extension', 'tenant-extension', 'core', 'resource-provider', 'test/fixtures'];

function copyAssets(relative) {
  const source = path.join(root, relative);
  if (!fs.existsSync(source)) return;
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) copyAssets(child);
    else if (assetPattern.test(entry.name) && !(relative === '' && entry.name === 'package.json')) {
      fs.mkdirSync(path.join(root, 'dist', relative), { recursive: true });
      fs.copyFileSync(path.join(root, child), path.join(root, 'dist', child));
    }
  }
}

folders.forEach(copyAssets);
