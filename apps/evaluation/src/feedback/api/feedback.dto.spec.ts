import { createValidationPipe } from '@passerelle/platform/http';
import { BadRequestException } from '@nestjs/common';
import { SubmitFeedbackRequest } from './feedback.dto';

const pipe = createValidationPipe();
async function detailsOf(body: object): Promise<Array<{ path: string; issue: string }>> {
  try {
    await pipe.transform(body, { type: 'body', metatype: SubmitFeedbackRequest });
    return [];
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { details: Array<{ path: string; issue: string }> }).details;
  }
}

const scales = { confidence: 3, communication: 3, leadership: 3, networkSize: 3 };
const outcomes = { connectionsMade: 1, interviews: 0, offers: 0 };
const programId = '01966a3e-7b8c-7d4e-9f00-112233445566';

describe('SubmitFeedbackRequest', () => {
  it('accepts each form with what it asks', async () => {
    expect(await detailsOf({ form: 'session', sessionId: programId, satisfaction: 4, helped: ['advice'], comment: 'ok' })).toEqual([]);
    expect(await detailsOf({ form: 'pulse', programId, satisfaction: 4, nps: 0 })).toEqual([]);
    expect(await detailsOf({ form: 'exit', programId, satisfaction: 5, nps: 10, scales, outcomes, skillsGained: ['sql'] })).toEqual([]);
  });

  it('says once that a field a form requires is missing', async () => {
    expect(await detailsOf({ form: 'session', satisfaction: 4 })).toEqual([{ path: 'sessionId', issue: 'is required for session feedback' }]);
    expect(await detailsOf({ form: 'pulse', satisfaction: 4 })).toEqual([
      { path: 'programId', issue: 'is required for the pulse and exit surveys' },
      { path: 'nps', issue: 'is required for the pulse and exit surveys' },
    ]);
    expect(await detailsOf({ form: 'exit', programId, satisfaction: 4, nps: 3 })).toEqual([
      { path: 'scales', issue: 'is required for the exit survey' },
      { path: 'outcomes', issue: 'is required for the exit survey' },
    ]);
  });

  it('names each bad value, nested ones included', async () => {
    const details = await detailsOf({ form: 'exit', programId: 'x', satisfaction: 0, nps: 11, scales: { ...scales, leadership: 6 }, outcomes: { ...outcomes, offers: -1 }, extra: 1 });
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'programId', issue: 'must be a UUID' },
        { path: 'satisfaction', issue: 'must be from 1 to 5' },
        { path: 'nps', issue: 'must be a whole number from 0 to 10' },
        { path: 'scales.leadership', issue: 'must be from 1 to 5' },
        { path: 'outcomes.offers', issue: 'must be from 0 to 1000' },
        { path: 'extra', issue: 'is not an accepted field' },
      ]),
    );
    expect(await detailsOf({ form: 'rating', satisfaction: 3 })).toEqual([{ path: 'form', issue: 'must be one of session, pulse, exit' }]);
  });
});
