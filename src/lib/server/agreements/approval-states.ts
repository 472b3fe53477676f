import type { agreement } from './agreements.tables';

type Agreement = typeof agreement.$inferSelect;

export type ApprovalState = 'none' | 'approved' | 'changed';

/** Where each side's approval stands against the current hashes. */
export function approvalStates(row: Pick<Agreement, 'hash' | 'ourApprovalHash' | 'partnerApprovalHash' | 'partnerCopyHash'>): { ours: ApprovalState; partner: ApprovalState } {
	const ourTarget = row.partnerCopyHash ?? row.hash;
	return {
		ours: !row.ourApprovalHash ? 'none' : row.ourApprovalHash === ourTarget ? 'approved' : 'changed',
		partner: !row.partnerApprovalHash ? 'none' : row.partnerApprovalHash === row.hash ? 'approved' : 'changed'
	};
}
