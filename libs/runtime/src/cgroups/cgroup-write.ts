/** One value written into one cgroup file, and where in config.json it comes from. */
export interface CgroupWrite {
  /** v1: the controller whose hierarchy holds the file; v2: undefined. */
  controller?: string;
  file: string;
  value: string;
  /** The config.json field it comes from, for errors a person can act on. */
  specPath: string;
  /** Files that do the same where FILE is missing (e.g. BFQ's weight for CFQ's), tried in order. */
  alternatives?: { file: string; value: string }[];
  /** Why none of the files may exist, and what to do then. */
  missing?: string;
}
