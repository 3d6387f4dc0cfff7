// @stageflow/package-folder: a process package folder on disk read as the lib's PackageFile list,
// the one way the CLI (validate, pack, deploy), the engine's start-up deploy and the standard
// packages' specs read a folder. Node.js only; libs/process-package stays free of node I/O.
export { isOutsidePackage, readPackageFolder, type PackageFolder, type PackageFolderProblem } from './read-package-folder.js';
