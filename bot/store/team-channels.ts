import { sql } from 'kysely';
import { z } from 'zod';
import type { ConversationAddress } from '../ports.js';
import type { Db } from './database.js';

const ChannelRowSchema = z.object({ teams_team_id: z.string(), address: z.record(z.string(), z.unknown()) });

/** A Teams team the bot is in, and where to post to its General channel. */
export interface TeamChannel {
  readonly teamsTeamId: string;
  readonly address: ConversationAddress;
}

/**
 * Which Teams team (and so which channel) stands for each of the bot's teams, kept from the bot's own
 * conversationUpdate when it is added to a team. A case's team is matched to the Teams team of the same name,
 * ignoring case, so "North" finds the Teams team called "north".
 */
export class TeamChannelStore {
  constructor(private readonly db: Db) {}

  async remember(tenantId: string, team: { readonly id: string; readonly name: string }, address: ConversationAddress, at: Date): Promise<void> {
    await this.db
      .insertInto('team_channels')
      .values({ tenant_id: tenantId, teams_team_id: team.id, team_name: team.name, address: JSON.stringify(address), added_at: at })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'teams_team_id']).doUpdateSet({ team_name: team.name, address: JSON.stringify(address), added_at: at }))
      .execute();
  }

  /** The bot is no longer in the team: nothing more is posted there. */
  async forget(tenantId: string, teamsTeamId: string): Promise<void> {
    await this.db.deleteFrom('team_channels').where('tenant_id', '=', tenantId).where('teams_team_id', '=', teamsTeamId).execute();
  }

  async channelOf(tenantId: string, teamName: string): Promise<TeamChannel | undefined> {
    const row = await this.db
      .selectFrom('team_channels')
      .select(['teams_team_id', 'address'])
      .where('tenant_id', '=', tenantId)
      .where(sql<string>`lower(team_name)`, '=', teamName.toLowerCase())
      .orderBy('added_at', 'desc')
      .executeTakeFirst();
    if (!row) return undefined;
    const parsed = ChannelRowSchema.parse(row);
    return { teamsTeamId: parsed.teams_team_id, address: parsed.address };
  }

  async channelById(tenantId: string, teamsTeamId: string): Promise<TeamChannel | undefined> {
    const row = await this.db.selectFrom('team_channels').select(['teams_team_id', 'address']).where('tenant_id', '=', tenantId).where('teams_team_id', '=', teamsTeamId).executeTakeFirst();
    if (!row) return undefined;
    const parsed = ChannelRowSchema.parse(row);
    return { teamsTeamId: parsed.teams_team_id, address: parsed.address };
  }
}
