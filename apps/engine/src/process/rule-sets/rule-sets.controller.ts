import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { bodyObject, isUuid, optionalVariables, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import { RuleSetsService, type RuleSetDetail, type RuleSetDraftDryRun, type RuleSetDryRun, type RuleSetView } from './rule-sets.service.js';

const MAX_KEY_LENGTH = 200;

@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  /** Lists rule sets (deployed in `.rule-set.json` resources), newest version first per key; `?key=` and `?latest=true` narrow it. */
  @Get()
  @ApiResult(200, 'RuleSetPage', [400, 401])
  list(@Query() query: JsonObject): Promise<Page<RuleSetView>> {
    const latest = queryEnum(query, 'latest', ['true', 'false'] as const) === 'true';
    return this.ruleSets.list({ key: queryString(query, 'key'), latest }, parsePaging(query));
  }

  /** One version with its document. */
  @Get(':id')
  @ApiResult(200, 'RuleSet', [401, 404])
  get(@Param('id') id: string): Promise<RuleSetDetail> {
    if (!isUuid(id)) throw new NotFound(`rule set ${id} not found`);
    return this.ruleSets.get(id);
  }

  /**
   * Dry run of a draft: evaluates the rule-set document `ruleSet` (not deployed) on `facts` and
   * explains every rule and condition; 422 names each problem of the document by rule id and path.
   */
  @Post('evaluate')
  @HttpCode(200)
  @Roles('admin', 'analyst', 'integrator', 'manager')
  @ApiJsonBody('EvaluateRuleSetDraftRequest')
  @ApiResult(200, 'RuleSetDraftEvaluation', [400, 401, 403, 422])
  evaluateDraft(@Body() body: unknown): Promise<RuleSetDraftDryRun> {
    const input = bodyObject(body);
    for (const name of Object.keys(input)) {
      if (name !== 'facts' && name !== 'ruleSet') throw Invalid.field(name, 'is not a known property (ruleSet, facts)');
    }
    if (input.ruleSet === undefined || input.ruleSet === null) throw Invalid.field('ruleSet', 'is required: the rule-set document to evaluate');
    if (input.facts === undefined || input.facts === null) throw Invalid.field('facts', 'is required and must be a JSON object');
    return this.ruleSets.evaluateDraft(input.ruleSet, optionalVariables(input, 'facts') ?? {});
  }

  /**
   * Dry run: evaluates the latest version of `key` (or `version`) on `facts` and explains, per
   * rule, which conditions passed or failed. Nothing is stored.
   */
  @Post(':key/evaluate')
  @HttpCode(200)
  @Roles('admin', 'analyst', 'integrator', 'manager')
  @ApiJsonBody('EvaluateRuleSetRequest')
  @ApiResult(200, 'RuleSetEvaluation', [400, 401, 403, 404])
  evaluate(@Param('key') key: string, @Body() body: unknown): Promise<RuleSetDryRun> {
    if (key.length > MAX_KEY_LENGTH) throw new NotFound(`no rule set with key "${key.slice(0, 40)}…"`);
    const input = bodyObject(body);
    for (const name of Object.keys(input)) {
      if (name !== 'facts' && name !== 'version') throw Invalid.field(name, 'is not a known property (facts, version)');
    }
    if (input.facts === undefined || input.facts === null) throw Invalid.field('facts', 'is required and must be a JSON object');
    const facts = optionalVariables(input, 'facts') ?? {};
    const version = input.version;
    if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > 2_147_483_647)) {
      throw Invalid.field('version', 'must be a positive integer');
    }
    return this.ruleSets.evaluate(key, facts, version);
  }
}
