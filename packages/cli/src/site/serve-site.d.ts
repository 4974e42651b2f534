import { type Server } from 'node:http';
/**
 * Serves a built site folder on localhost (GET and HEAD only): a folder is served as its
 * index.html, and only files whose real path (symbolic links resolved) is inside the folder are
 * served — anything else is 404, as is a file that cannot be read; a request never stops the
 * server. Resolves with the server once it listens.
 */
export declare function serveSite(dir: string, port: number, host?: string): Promise<Server>;
