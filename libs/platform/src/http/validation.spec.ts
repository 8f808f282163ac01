import { BadRequestException } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Matches, Max, Min, ValidateNested, validate } from 'class-validator';
import { createValidationPipe, flattenValidationErrors, invalidField, uuidParam } from './validation';

class Address {
  @IsString()
  city: string;

  @Matches(/^\d{5}$/, { message: 'must be five digits' })
  postcode: string;
}

class Person {
  @IsEmail({}, { message: 'must be an e-mail address' })
  email: string;

  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5, { message: 'must be at most 5' })
  confidence: number;

  @ValidateNested()
  @Type(() => Address)
  address: Address;

  @ValidateNested({ each: true })
  @Type(() => Address)
  previousAddresses: Address[];
}

const valid = {
  email: 'camille@example.org',
  confidence: 3,
  address: { city: 'Lyon', postcode: '69001' },
  previousAddresses: [{ city: 'Paris', postcode: '75005' }],
};

/** What the API's pipe does: whitelist, reject unknown fields, report everything. */
async function detailsFor(plain: object) {
  const errors = await validate(plainToInstance(Person, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
  });
  return flattenValidationErrors(errors);
}

describe('flattenValidationErrors', () => {
  it('gives nothing for a valid object', async () => {
    expect(await detailsFor(valid)).toEqual([]);
  });

  it('names top-level fields by their property', async () => {
    expect(await detailsFor({ ...valid, email: 'nope' })).toEqual([{ path: 'email', issue: 'must be an e-mail address' }]);
  });

  it('gives nested fields dotted paths, array items included', async () => {
    const details = await detailsFor({
      ...valid,
      address: { city: 'Lyon', postcode: '6900' },
      previousAddresses: [valid.previousAddresses[0], { city: 42, postcode: '75005' }],
    });
    expect(details).toEqual([
      { path: 'address.postcode', issue: 'must be five digits' },
      { path: 'previousAddresses.1.city', issue: 'city must be a string' },
    ]);
  });

  it('reports every failed constraint of a field, not just the first', async () => {
    const details = await detailsFor({ ...valid, confidence: 7.5 });
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'confidence', issue: 'must be a whole number' },
        { path: 'confidence', issue: 'must be at most 5' },
      ]),
    );
    expect(details).toHaveLength(2);
  });

  it('reports unknown fields, at any depth, as not accepted', async () => {
    const details = await detailsFor({
      ...valid,
      admin: true,
      address: { ...valid.address, floor: 3 },
    });
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'admin', issue: 'is not an accepted field' },
        { path: 'address.floor', issue: 'is not an accepted field' },
      ]),
    );
    expect(details).toHaveLength(2);
  });

  it('prefixes paths with the given parent', () => {
    expect(
      flattenValidationErrors(
        [{ property: 'name', constraints: { isString: 'name must be a string' }, children: [] }],
        'body',
      ),
    ).toEqual([{ path: 'body.name', issue: 'name must be a string' }]);
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('turns the plain body into the DTO class', async () => {
    const result = await pipe.transform(valid, { type: 'body', metatype: Person });
    expect(result).toBeInstanceOf(Person);
    expect(result.address).toBeInstanceOf(Address);
  });

  it('rejects bad input with a 400 in the shared shape, every problem at once', async () => {
    const rejection = pipe.transform(
      { email: 'nope', confidence: 3, address: { city: 'Lyon', postcode: 'x' }, previousAddresses: [], role: 'admin' },
      { type: 'body', metatype: Person },
    );
    await expect(rejection).rejects.toBeInstanceOf(BadRequestException);
    const response = (await rejection.catch((error: BadRequestException) => error)).getResponse();
    expect(response).toEqual({
      message: 'The request is invalid.',
      details: expect.arrayContaining([
        { path: 'email', issue: 'must be an e-mail address' },
        { path: 'address.postcode', issue: 'must be five digits' },
        { path: 'role', issue: 'is not an accepted field' },
      ]),
    });
    expect((response as { details: unknown[] }).details).toHaveLength(3);
  });

  it('refuses a body that is not an object, naming the body; no body at all counts as {}', async () => {
    for (const body of [[], [valid], null, 'text', 3, true]) {
      const error = await pipe.transform(body, { type: 'body', metatype: Person }).catch((caught: unknown) => caught);
      expect((error as BadRequestException).getResponse()).toEqual({
        message: 'The request is invalid.',
        details: [{ path: 'body', issue: 'must be a JSON object' }],
      });
    }
    const missing = await pipe.transform(undefined, { type: 'body', metatype: Person }).catch((caught: BadRequestException) => caught.getResponse());
    expect((missing as { details: Array<{ path: string }> }).details.map((detail) => detail.path)).toEqual(expect.arrayContaining(['email', 'confidence']));
  });
});

describe('invalidField and uuidParam', () => {
  it('builds a 400 for one field', () => {
    const error = invalidField('body', 'is not valid JSON');
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({
      message: 'The request is invalid.',
      details: [{ path: 'body', issue: 'is not valid JSON' }],
    });
  });

  it('names the path parameter that is not a UUID', async () => {
    const pipe = uuidParam('networkId');
    const id = '01966a3e-7b8c-7d4e-9f00-112233445566';
    await expect(pipe.transform(id, { type: 'param', data: 'networkId' })).resolves.toBe(id);
    const error = await pipe.transform('not-a-uuid', { type: 'param', data: 'networkId' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toEqual({
      message: 'The request is invalid.',
      details: [{ path: 'networkId', issue: 'must be a UUID' }],
    });
  });
});
