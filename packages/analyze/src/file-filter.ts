import picomatch from 'picomatch';

/**
 * Whether a path relative to the root is one `include`/`exclude` let through: included (every
 * file when there is no include) and neither it nor a folder above it excluded. Analysis walks with
 * it, and `seams check` asks it which of the plan's files the graph was meant to hold.
 */
export function fileFilter(options: { include?: readonly string[]; exclude?: readonly string[] }): {
  included: (path: string) => boolean;
  excluded: (path: string) => boolean;
  accepts: (file: string) => boolean;
} {
  const included = options.include?.length ? picomatch(options.include as string[], { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch(options.exclude as string[], { dot: true }) : () => false;
  const accepts = (file: string) => {
    if (!included(file) || excluded(file)) return false;
    for (let at = file.indexOf('/'); at !== -1; at = file.indexOf('/', at + 1))
      if (excluded(file.slice(0, at + 1))) return false;
    return true;
  };
  return { included, excluded, accepts };
}
