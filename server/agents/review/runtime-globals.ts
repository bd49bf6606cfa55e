/**
 * Declarations of the runtime globals a snippet may use that the ES library
 * lacks, typed loosely (`any`) because their real types (Node's, a browser's)
 * are not installed with Kiln. Declaring them keeps "cannot find name
 * 'process'" out of reviews; typing `fetch` and the timers keeps the promise
 * rules working without the DOM library. Classes are declared as a value and a
 * type, so both `new URL(…)` and `url: URL` check.
 */
export const nodeGlobals = `
declare var process: any;
declare var Buffer: any;
type Buffer = any;
declare var require: any;
declare var module: any;
declare var exports: any;
declare var global: any;
declare var __dirname: string;
declare var __filename: string;
`;

/** What both browsers and Node have, for code that does not use the DOM (the DOM library declares these itself). */
export const sharedGlobals = `
declare var console: { [method: string]: (...values: any[]) => void };
declare function setTimeout(handler: (...args: any[]) => void, milliseconds?: number, ...args: any[]): any;
declare function setInterval(handler: (...args: any[]) => void, milliseconds?: number, ...args: any[]): any;
declare function setImmediate(handler: (...args: any[]) => void, ...args: any[]): any;
declare function clearTimeout(handle: any): void;
declare function clearInterval(handle: any): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare function fetch(input: any, init?: any): Promise<any>;
declare var URL: any;
type URL = any;
declare var URLSearchParams: any;
type URLSearchParams = any;
declare var TextEncoder: any;
type TextEncoder = any;
declare var TextDecoder: any;
type TextDecoder = any;
declare var AbortController: any;
type AbortController = any;
declare var AbortSignal: any;
type AbortSignal = any;
declare var Headers: any;
type Headers = any;
declare var Request: any;
type Request = any;
declare var Response: any;
type Response = any;
declare var crypto: any;
declare var performance: any;
declare var atob: (data: string) => string;
declare var btoa: (data: string) => string;
`;
