import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { JsonObject, Page } from '../../platform/http/input.js';
import type { ProductView } from './products.row.js';
import { ProductsService } from './products.service.js';

const productBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200 },
    code: { type: 'string', maxLength: 50, description: 'Unique.' },
    description: { type: 'string', maxLength: 2000, nullable: true },
    unitPrice: { type: 'number', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217' },
    active: { type: 'boolean' },
  },
} as const;

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  /** Products by name: `active=true|false`, `q` (name or code contains), `offset`/`limit`. */
  @Get()
  list(@Query() query: JsonObject): Promise<Page<ProductView>> {
    return this.products.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<ProductView> {
    return this.products.get(id);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'manager')
  @ApiBody({ schema: { ...productBody, required: ['name', 'code', 'unitPrice', 'currency'] } })
  create(@Body() body: unknown): Promise<ProductView> {
    return this.products.create(body);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiBody({ schema: productBody })
  update(@Param('id') id: string, @Body() body: unknown): Promise<ProductView> {
    return this.products.update(id, body);
  }

  /** Deletes a product no opportunity has (409 otherwise: make it inactive). */
  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'manager')
  delete(@Param('id') id: string): Promise<void> {
    return this.products.delete(id);
  }
}
