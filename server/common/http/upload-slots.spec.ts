import { UploadSlots } from './upload-slots';

const never = new Promise<void>(() => undefined);
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(UploadSlots.name, () => {
  it('grants turns up to its limit, then in arrival order as turns are given back', async () => {
    const slots = new UploadSlots(2);
    const order: string[] = [];
    await slots.acquire(never);
    await slots.acquire(never);
    void slots.acquire(never).then(() => order.push('third'));
    void slots.acquire(never).then(() => order.push('fourth'));
    await tick();
    expect(order).toEqual([]);
    expect(slots.state).toEqual({ busy: 2, waiting: 2 });
    slots.release();
    await tick();
    expect(order).toEqual(['third']);
    slots.release();
    await tick();
    expect(order).toEqual(['third', 'fourth']);
    expect(slots.state).toEqual({ busy: 2, waiting: 0 });
  });

  it('drops a waiter whose client went away, without granting it a turn', async () => {
    const slots = new UploadSlots(1);
    await slots.acquire(never);
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const gone = slots.acquire(left);
    const next = slots.acquire(never);
    leave();
    expect(await gone).toBe(false);
    expect(slots.state).toEqual({ busy: 1, waiting: 1 });
    slots.release();
    expect(await next).toBe(true);
    expect(slots.state).toEqual({ busy: 1, waiting: 0 });
  });
});
