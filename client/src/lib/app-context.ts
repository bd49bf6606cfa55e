import { createContext } from 'svelte';
import type { ChatStore } from './chat/chat-store.ts';
import type { ConversationList } from './conversations/conversation-list.svelte.ts';
import type { ProjectList } from './projects/project-list.svelte.ts';
import type { Session } from './session/session.svelte.ts';
import type { Theme } from './theme/theme.svelte.ts';

/** Set by the root layout. */
export const [sessionContext, setSessionContext] = createContext<Session>();
export const [themeContext, setThemeContext] = createContext<Theme>();
/** Set by the signed-in layout. */
export const [conversationsContext, setConversationsContext] = createContext<ConversationList>();
export const [chatsContext, setChatsContext] = createContext<ChatStore>();
export const [projectsContext, setProjectsContext] = createContext<ProjectList>();
