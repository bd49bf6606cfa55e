// Loaded on demand (a separate chunk): highlight.js with the languages Kiln's patterns use.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const languages = { bash, css, go, java, javascript, json, python, rust, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);
hljs.registerAliases(['ts', 'tsx'], { languageName: 'typescript' });
hljs.registerAliases(['js', 'jsx', 'mjs'], { languageName: 'javascript' });
hljs.registerAliases(['sh', 'shell', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['html', 'svelte'], { languageName: 'xml' });

/** Highlights one code block in place. highlight.js escapes the code it wraps in spans (the text stays text). */
export function highlight(block: HTMLElement) {
  const language = [...block.classList].find((name) => name.startsWith('language-'))?.slice('language-'.length);
  if (!language || !hljs.getLanguage(language)) return;
  block.innerHTML = hljs.highlight(block.textContent ?? '', { language, ignoreIllegals: true }).value;
  block.classList.add('hljs');
}
