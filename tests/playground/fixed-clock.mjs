// Loaded with `node --import` into the Agents Playground's process: its clock starts at PRETEND_CLOCK_START and
// runs on from there, so the activities it stamps (the bot's "today") fall on the day the test's dates are
// worked from, whatever day the test runs.
const pretendStart = Date.parse(process.env.PRETEND_CLOCK_START ?? '');
if (Number.isNaN(pretendStart)) throw new Error('PRETEND_CLOCK_START must be an ISO date and time');
const RealDate = Date;
const startedAt = RealDate.now();
const pretendNow = () => pretendStart + (RealDate.now() - startedAt);

class PretendDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(pretendNow());
    else super(...args);
  }
  static now() {
    return pretendNow();
  }
}
globalThis.Date = PretendDate;
