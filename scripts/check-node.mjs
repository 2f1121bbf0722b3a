// Guard for npm scripts: the project runs on Node 24 (Lambda's nodejs24.x), installed into
// node_modules by the `node` package. If its install script was skipped, npm falls back to the
// system Node silently; say so instead of failing later in a confusing way.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Node ${process.versions.node} is running, but this project needs Node 24 (the Lambda runtime).\n` +
      'Run `npm install` again with install scripts allowed (package.json "allowScripts" approves the node package).',
  );
  process.exit(1);
}
