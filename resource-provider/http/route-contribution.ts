import type { Router } from 'express';

/** Where each area of the resource provider mounts its routes (Theia's backend contribution idiom). */
export const RouteContribution = Symbol('RouteContribution');
export interface RouteContribution {
  /** Mounts this area's routes. Called once, before the server listens; must not block. */
  configure(router: Router): void;
}

/** Routes that answer without WAP's Basic credentials (health probes). */
export const PublicRouteContribution = Symbol('PublicRouteContribution');

