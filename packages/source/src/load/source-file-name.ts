/** The name of the source file Scorebook finds in a data folder. */
export const SOURCE_FILE_NAME = 'source.yaml';
