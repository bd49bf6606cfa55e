import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z } from 'zod';

export const createTodoSchema = z.object({
  title: z.string().trim().min(1).max(200),
  done: z.boolean().default(false),
});

export type Todo = z.output<typeof createTodoSchema> & { id: number };

/** Builds the app around its store, so tests get a fresh one and the server entry point stays tiny. */
export function createApp(store = new Map<number, Todo>()) {
  let nextId = store.size + 1;

  const app = new Hono()
    .get('/todos/:id', (c) => {
      const todo = store.get(Number(c.req.param('id')));
      return todo ? c.json(todo) : c.json({ error: 'Todo not found' }, 404);
    })
    .post(
      '/todos',
      validator('json', (value, c) => {
        const parsed = createTodoSchema.safeParse(value);
        if (!parsed.success) return c.json({ error: 'Invalid body', issues: z.flattenError(parsed.error).fieldErrors }, 400);
        return parsed.data;
      }),
      (c) => {
        const todo: Todo = { id: nextId++, ...c.req.valid('json') };
        store.set(todo.id, todo);
        return c.json(todo, 201, { location: `/todos/${todo.id}` });
      },
    );

  app.notFound((c) => c.json({ error: 'Not found' }, 404));
  app.onError((error, c) => {
    // HTTPException: e.g. "Malformed JSON in request body" (400) thrown by the validator.
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    console.error(error);
    return c.json({ error: 'Internal server error' }, 500);
  });
  return app;
}

// Serving it: `serve({ fetch: createApp().fetch, port: 3000 })` from @hono/node-server.
