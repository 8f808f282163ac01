import { OmitType } from '@nestjs/swagger';
import { PageQuery } from '@passerelle/platform/http';

/**
 * Keyset pages (`limit`, and the previous page's `nextCursor`) inside one
 * programme: the programme already names the network, so the platform
 * admin's `networkId` scope does not apply and is refused as unknown.
 */
export class CohortPageQuery extends OmitType(PageQuery, ['networkId'] as const) {}
