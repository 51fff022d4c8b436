import { Router } from 'express';
import { WapHttpError } from '../contract/wap-error';
import { createUser } from '../lifecycle/create-user';
import type { AdminRouteDeps } from './admin-route-deps';
import { key } from './admin-store';
import { bodyObject, optionalString, queryResult, requiredString } from './request-body';

/** `/users`: WAP user accounts, named by their sign-in e-mail. */
export function userRoutes({ store, lifecycle }: AdminRouteDeps): Router {
  const router = Router();

  router.post('/users', (req, res) => {
    const body = bodyObject(req.body, 'User');
    const made = createUser(store,
      { Name: requiredString(body, 'Name'), Email: optionalString(body, 'Email'), State: body.State === 1 ? 1 : 0 },
      lifecycle.now());
    if (!made.ok) throw new WapHttpError(409, 'UserAlreadyExists', `The user '${body.Name}' exists.`);
    res.status(201).json(made.value);
  });

  router.get('/users', (_req, res) => {
    res.json(queryResult([...store.users.values()]));
  });

  router.get('/users/:name', (req, res) => {
    res.json(existing(req.params.name));
  });

  router.delete('/users/:name', (req, res) => {
    const user = existing(req.params.name);
    if (user.SubscriptionIds.length > 0) {
      throw new WapHttpError(409, 'UserHasSubscriptions', `The user '${user.Name}' still holds subscriptions.`);
    }
    store.users.delete(key(user.Name));
    res.status(200).end();
  });

  function existing(name: string) {
    const user = store.users.get(key(name));
    if (!user) throw new WapHttpError(404, 'UserNotFound', `No user '${name}'.`);
    return user;
  }

  return router;
}
