/** How this resource provider names itself to WAP (registration, usage summaries). Letters and digits only (CONTRACT §2). */
export const RP_NAME = 'billing';
export const RP_DISPLAY_NAME = 'Usage and Billing';
