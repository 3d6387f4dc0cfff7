import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError } from '../common/api-error.js';
import { TeamEntity } from './team.entity.js';

export interface TeamView {
  id: string;
  name: string;
  createdAt: string;
}

@Injectable()
export class TeamsService {
  constructor(@InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>) {}

  async create(name: string): Promise<TeamView> {
    const id = randomUUID();
    const rows: unknown[] = await this.teams.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id', [id, name]);
    if (rows.length === 0) throw ApiError.conflict(`a team named "${name}" already exists`);
    return this.toView(await this.teams.findOneByOrFail({ id }));
  }

  async list(): Promise<TeamView[]> {
    return (await this.teams.find({ order: { name: 'ASC' } })).map((team) => this.toView(team));
  }

  private toView(team: TeamEntity): TeamView {
    return { id: team.id, name: team.name, createdAt: team.createdAt.toISOString() };
  }
}
