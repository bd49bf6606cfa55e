import type { MigrationGuideInput } from '../migration-guide.ts';

export const react17To18: MigrationGuideInput = {
  id: 'react-17-to-18',
  title: 'React 17 to 18',
  summary:
    'React 18 adds the concurrent renderer behind a new root API, batches all state updates automatically, and makes StrictMode mount components twice in development.',
  ecosystem: 'npm',
  from: { name: 'react', aliases: ['react', 'reactjs', 'react.js'], version: '17' },
  to: { name: 'react', aliases: ['react', 'reactjs', 'react.js'], version: '18' },
  packages: ['react', 'react-dom'],
  changes: [
    {
      change: '`ReactDOM.render` is deprecated and runs the app in React 17 mode.',
      action: "Use `createRoot(container).render(<App />)` from 'react-dom/client'.",
      find: 'ReactDOM\\.render\\(|\\brender\\(<',
    },
    {
      change: '`ReactDOM.hydrate` is replaced by `hydrateRoot`.',
      action: "Use `hydrateRoot(container, <App />)` from 'react-dom/client'.",
      find: '\\.hydrate\\(',
    },
    {
      change: '`unmountComponentAtNode` is replaced by `root.unmount()`.',
      action: 'Keep the root and call `unmount()` on it.',
      find: 'unmountComponentAtNode',
    },
    {
      change: 'State updates are batched everywhere, including in promises, timeouts and native event handlers.',
      action: 'Code that read the DOM right after a `setState` outside React events may need `flushSync`.',
      find: 'setTimeout\\(|\\.then\\(',
    },
    {
      change: 'In development, StrictMode mounts, unmounts and mounts every component again, so effects run twice.',
      action: 'Make effects clean up after themselves (return a cleanup function) rather than guarding with refs.',
      find: 'useEffect\\(',
    },
    {
      change: 'The TypeScript types no longer give `React.FC` an implicit `children` prop.',
      action: 'Declare `children: React.ReactNode` in the props that take children.',
      find: 'React\\.FC|: FC<',
    },
    {
      change: '`renderToNodeStream` is deprecated.',
      action: 'Use `renderToPipeableStream` for streaming server rendering.',
      find: 'renderToNodeStream',
    },
  ],
  steps: [
    {
      action:
        'Install React 18 with matching react-dom and types: `npm install react@18 react-dom@18` (and `@types/react@18 @types/react-dom@18`).',
      check: '`npm ls react react-dom` shows one 18.x version of each.',
    },
    {
      action: 'Switch the entry point to `createRoot`.',
      check: 'The console no longer warns that ReactDOM.render is no longer supported in React 18.',
    },
    {
      action: 'Run the app under StrictMode in development and fix effects that misbehave when run twice.',
      check: 'No duplicated requests or subscriptions in the network and console logs of a page load.',
    },
  ],
  codemods: [
    {
      command: 'npx types-react-codemod preset-18 ./src',
      does: 'updates TypeScript code for the @types/react 18 changes (implicit children and more)',
    },
  ],
  risks: [
    'Libraries that call ReactDOM.render or depend on React internals need versions that support 18 (for example @testing-library/react 13 or later).',
  ],
  companions: [
    { name: 'react-dom', note: 'must be the same major as react.' },
    { name: '@types/react', note: 'move to ^18.' },
    { name: '@types/react-dom', note: 'move to ^18.' },
    { name: '@testing-library/react', note: 'version 13 or later supports React 18.' },
  ],
  sourceFiles: ['js', 'jsx', 'ts', 'tsx'],
  references: ['https://react.dev/blog/2022/03/08/react-18-upgrade-guide'],
};
