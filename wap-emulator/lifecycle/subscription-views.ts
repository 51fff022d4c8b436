import {
  AdminSubscription, AdminSubscriptionState, Plan, RpLifecycleState, RpSubscription, RpSubscriptionState, SyncState,
} from '../contract/wap-types';

export interface NewSubscription {
  id: string;
  name: string;
  plan: Plan;
  accountAdmin: string;
  coAdmins?: string[];
  created: Date;
}

export function buildAdminSubscription(s: NewSubscription, state: AdminSubscriptionState): AdminSubscription {
  return {
    SubscriptionID: s.id,
    SubscriptionName: s.name,
    AccountAdminLiveEmailId: s.accountAdmin,
    ServiceAdminLiveEmailId: null,
    CoAdminNames: s.coAdmins ?? [],
    AddOnReferences: [],
    AddOns: [],
    State: state,
    QuotaSyncState: SyncState.InSync,
    ActivationSyncState: SyncState.InSync,
    PlanId: s.plan.Id,
    Services: structuredClone(s.plan.ServiceQuotas),
    LastErrorMessage: null,
    Features: null,
    OfferFriendlyName: null,
    OfferCategory: null,
    Created: s.created.toISOString().slice(0, 19),
  };
}

/**
 * Admin numbering (section 7) to RP numbering (section 4). They differ by one and a `None` that the
 * RP never sees: a mistake here suspends the wrong tenants, so the mapping is written out.
 */
export function rpStateOf(state: AdminSubscriptionState): RpSubscriptionState {
  switch (state) {
    case AdminSubscriptionState.None:
    case AdminSubscriptionState.Active: return RpSubscriptionState.Active;
    case AdminSubscriptionState.Suspended: return RpSubscriptionState.Suspended;
    case AdminSubscriptionState.DeletePending: return RpSubscriptionState.DeletePending;
  }
}

export function toRpSubscription(s: AdminSubscription, lifecycle: RpLifecycleState): RpSubscription {
  return {
    SubscriptionId: s.SubscriptionID,
    SubscriptionName: s.SubscriptionName,
    State: rpStateOf(s.State),
    LifecycleState: lifecycle,
    LastErrorMessage: null,
    QuotaSettings: [],
    AdminId: s.AccountAdminLiveEmailId,
    CoAdminIds: [...s.CoAdminNames],
  };
}
