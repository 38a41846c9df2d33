const path = require('path');
const { task, src, dest } = require('gulp');

// tsc compiles the TypeScript; the SVG icons and codex files next to the sources must be copied beside the output.
task('build:icons', copyIcons);

function copyIcons() {
	const nodeAssets = path.resolve('nodes', '**', '*.{png,svg,json}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeAssets, { encoding: false }).pipe(dest(nodeDestination));

	const credAssets = path.resolve('credentials', '**', '*.{png,svg,json}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credAssets, { encoding: false }).pipe(dest(credDestination));
}
