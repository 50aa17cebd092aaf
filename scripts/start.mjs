// `npm start`: build what is not built yet, then serve the app and the API from one process.
import { ensureWebBuilt } from './web-build.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`homeward: Node.js 20.19 or newer is needed; this is ${process.versions.node}.\n`);
  process.exit(2);
}
try {
  ensureWebBuilt();
} catch (err) {
  process.stderr.write(`homeward: ${err.message}\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../apps/server/src/main.ts');
