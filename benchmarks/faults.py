"""Fault scenarios with real worker processes on Apache Kafka, read back by a separate consumer.

Each scenario gets fresh topics (6 input partitions) and a fresh group, a paced
producer feeding news while the fault happens, and a monitor that samples, every
half second, the input lag of the group and how many outputs exist. After the
fault the scenario waits for the backlog to clear, then reads every output topic
and counts per (news id, task):

    lost   published inputs with neither an output nor a dead letter for some task (target 0)
    dup    outputs (and dead letters) beyond the first, over all tasks
    stalled_s   the longest stretch with lag > 0 and no new output (target <= 60)

Every scenario runs in both delivery modes (--modes): at_least_once, read
back as any consumer reads it, and exactly_once, read back read_committed (what
a downstream consumer of exactly-once outputs must use); dup_eos counts its
duplicates (target 0).

Scenarios:
    kill9        two static members; kill -9 a worker ten times under load, restart it each time
    scale        1 -> 3 -> 1 workers under load (SIGTERM on the way down)
    broker       the broker stopped for 30 s under load, then restarted
    slow_join    batches slower than max.poll.interval while a second worker joins
    rejected     after 10 s the headline topic's max.message.bytes drops to the median headline record
                 batch: each refused headline must end as a dead letter (output_rejected), the
                 other outputs published
    zombie       two workers; one, whose transactions are held open 2 s before their commit, is paused
                 (SIGSTOP) past its session timeout, the other takes its partitions, then it is resumed:
                 its open transactions must fail (fenced), its partitions be given up, nothing of them
                 committed, and it must rejoin without failing
    txn_input    the input written in transactions (every fourth one aborted: those ids must never come
                 out), with an idle stretch three times the progress timeout: no worker may be killed

The broker scenario also prints how long after the broker came back the first new output appeared.

    .venv/bin/python -m benchmarks.faults [--only kill9,scale,zombie,...] [--rate 8] [--modes at_least_once,exactly_once]

Last line: lost=L dup=D dup_eos=E stalled_s=S (lost and stalled_s over both modes, dup at-least-once;
lost includes outputs of aborted upstream records)
"""

from __future__ import annotations

import argparse
import base64
import json
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.brokers import KafkaBroker
from tests.support.news import lines, news
from tests.support.settings import settings_for
from tests.support.topics import committed_offsets, end_offsets, read_topic
from tests.support.workers import WorkerProcess
from worker.config import Delivery, Settings
from worker.dev.tiny_model import build_tiny_model
from worker.kafka import clients

#: Seconds between kills; the outside fault run killed every 10-20 s.
KILL_EVERY_S = 15.0
#: How long the zombie's transactions stay open before their commit: most of the time it holds one.
ZOMBIE_COMMIT_DELAY_S = 2.0


@dataclass
class Outcome:
    name: str
    mode: str = "at_least_once"
    published: int = 0
    lost: int = 0
    dup: int = 0
    stalled_s: float = 0.0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    feed: Any = None
    monitor: Any = None

    def line(self) -> str:
        extra = f" ({'; '.join(self.notes)})" if self.notes else ""
        return (
            f"{self.name:<10} {self.mode:<14} published={self.published} lost={self.lost} dup={self.dup} "
            f"stalled_s={self.stalled_s:.1f} seconds={self.seconds:.0f}{extra}"
        )


class Feed(threading.Thread):
    """Publishes news at ``rate`` items/s until stopped; remembers every id sent.

    ``transactions=k``: as an exactly-once upstream writer does, k items per transaction, every fourth
    transaction aborted (its ids land in ``aborted``, and must never come out of a worker)."""

    def __init__(self, bootstrap: str, topic: str, rate: float, prefix: str, transactions: int = 0) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.topic, self.rate, self.prefix = bootstrap, topic, rate, prefix
        self.transactions = transactions
        self.ids: list[str] = []
        self.aborted: list[str] = []
        self.paused = threading.Event()
        self._halt = threading.Event()

    def run(self) -> None:
        options = {"transactional_id": f"bench-upstream-{self.topic}"} if self.transactions else {}
        producer = clients.producer(self.bootstrap, "bench-faults", **options)
        n = 0
        pending: list[str] = []
        try:
            if self.transactions:
                producer.init_transactions()
            while not self._halt.is_set():
                if self.paused.is_set():
                    if pending:  # pause between transactions: an open one would hold back every reader
                        self._end_transaction(producer, pending, abort=False)
                        pending = []
                    self._halt.wait(0.2)
                    continue
                if self.transactions and not pending:
                    producer.begin_transaction()
                (item,) = news(1, prefix=f"{self.prefix}-{n:06d}")
                producer.send(self.topic, key=str(item["id"]).encode(), value=lines([item])[0])
                pending.append(str(item["id"]))
                n += 1
                if not self.transactions:
                    self.ids.extend(pending)
                    pending = []
                elif len(pending) >= self.transactions:
                    self._end_transaction(producer, pending, abort=(n // self.transactions) % 4 == 0)
                    pending = []
                self._halt.wait(1.0 / self.rate)
            if pending:
                self._end_transaction(producer, pending, abort=False)
            producer.flush(timeout=120)
        finally:
            producer.close()

    def _end_transaction(self, producer: Any, ids: list[str], abort: bool) -> None:
        if abort:
            producer.abort_transaction()
            self.aborted.extend(ids)
        else:
            producer.commit_transaction()
            self.ids.extend(ids)

    def stop(self) -> None:
        self._halt.set()
        self.join()


class Monitor(threading.Thread):
    """Samples the group's lag and the output count; keeps the longest stall."""

    def __init__(self, bootstrap: str, settings: Settings, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.settings, self.every = bootstrap, settings, every
        self.stalled_s = 0.0
        self.lag = 0
        self._halt = threading.Event()

    def run(self) -> None:
        last_outputs, last_change = -1, time.monotonic()
        while not self._halt.is_set():
            try:
                ends = end_offsets(self.bootstrap, self.settings.topics.input)
                committed = committed_offsets(self.bootstrap, self.settings.kafka.group_id, self.settings.topics.input)
                outputs = sum(sum(end_offsets(self.bootstrap, t.output_topic).values()) for t in self.settings.tasks)
            except Exception:  # noqa: BLE001 - the broker may be down on purpose; that time counts as stalled if lag stays
                self._halt.wait(self.every)
                if self.lag > 0:
                    self.stalled_s = max(self.stalled_s, time.monotonic() - last_change)
                continue
            self.lag = sum(max(0, end - committed.get(p, 0)) for p, end in ends.items())
            now = time.monotonic()
            if outputs != last_outputs or self.lag == 0:
                last_outputs, last_change = outputs, now
            else:
                self.stalled_s = max(self.stalled_s, now - last_change)
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def count(bootstrap: str, settings: Settings, ids: list[str], aborted: list[str] = ()) -> tuple[int, int, int, int]:
    """(lost, dup, dead letters, outputs of aborted upstream records). An input counts as done for a task
    when it has that task's output or a dead letter naming the task (or naming none: a bad input)."""
    lost = dup = 0
    wanted = set(ids)
    committed_only = settings.delivery is Delivery.exactly_once
    letters: dict[str, Counter[str]] = {t.name: Counter() for t in settings.tasks}
    dead = read_topic(bootstrap, settings.topics.deadletter, timeout=120, committed_only=committed_only)
    for record in dead:
        letter = json.loads(record.value or b"{}")
        news_id = base64.b64decode(letter["key_b64"]).decode() if letter.get("key_b64") else ""
        for task in letter.get("tasks") or list(letters):
            letters[task][news_id] += 1
    leaked = 0
    for task in settings.tasks:
        records = read_topic(bootstrap, task.output_topic, timeout=120, committed_only=committed_only)
        seen = Counter(r.json()["news_id"] for r in records) + letters[task.name]
        lost += len(wanted - set(seen))
        dup += sum(n - 1 for news_id, n in seen.items() if news_id in wanted)
        leaked += sum(1 for news_id in aborted if news_id in seen)
    return lost, dup, len(dead), leaked


def wait_drained(monitor: Monitor, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    time.sleep(2.0)
    while time.monotonic() < deadline:
        if monitor.lag == 0:
            return True
        time.sleep(1.0)
    return False


def scenario(
    name: str,
    broker: KafkaBroker,
    model: Path,
    rate: float,
    body: Callable[[Settings, Callable[..., WorkerProcess], list[WorkerProcess], Outcome], None],
    *,
    mode: str = "at_least_once",
    delay: float = 0.0,
    settings_overrides: dict[str, Any] | None = None,
    drain_timeout: float = 240.0,
    feed_transactions: int = 0,
) -> Outcome:
    overrides: dict[str, Any] = {"topics": {"partitions": 6}, "batch": {"max_items": 8}, "kafka": {"session_timeout_s": 10.0}}
    for key, value in (settings_overrides or {}).items():
        overrides[key] = {**overrides.get(key, {}), **value} if isinstance(value, dict) else value
    settings = settings_for(broker, model, delivery=mode, **overrides)
    outcome = Outcome(name, mode)
    workers: list[WorkerProcess] = []

    def start(worker_id: str, static: bool = False, commit_delay_s: float = 0.0) -> WorkerProcess:
        env = {"FINNEWS_WORKER_ID": worker_id}
        if static:
            env["FINNEWS_KAFKA__GROUP_INSTANCE_ID"] = worker_id
        process = WorkerProcess(settings, batch_delay_s=delay, commit_delay_s=commit_delay_s, **env)
        workers.append(process)
        return process

    feed = Feed(broker.bootstrap, settings.topics.input, rate, prefix=name, transactions=feed_transactions)
    outcome.feed = feed
    monitor = Monitor(broker.bootstrap, settings)
    outcome.monitor = monitor
    started = time.monotonic()
    feed.start()
    monitor.start()
    try:
        body(settings, start, workers, outcome)
        feed.stop()
        if not wait_drained(monitor, drain_timeout):
            outcome.notes.append(f"lag {monitor.lag} left after {drain_timeout:.0f}s")
    finally:
        if feed.is_alive():
            feed.stop()
        monitor.stop()
        for worker in workers:
            if worker.proc.poll() is None:
                worker.stop(timeout=120)
    outcome.seconds = time.monotonic() - started
    outcome.published = len(feed.ids)
    outcome.lost, outcome.dup, letters, leaked = count(broker.bootstrap, settings, feed.ids, feed.aborted)
    if letters:
        outcome.notes.append(f"{letters} dead letters")
    if feed.aborted:
        outcome.notes.append(f"{len(feed.aborted)} aborted upstream records, {leaked} of them came out")
        outcome.lost += leaked
    outcome.stalled_s = monitor.stalled_s
    failed = [e for w in workers for e in w.events("worker_failed")]
    if failed:
        outcome.notes.append(f"{len(failed)} worker(s) failed: {failed[0].get('reason', '')[:80]}")
    return outcome


def kill9(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
    alive = {name: start(name, static=True) for name in ("kill-a", "kill-b")}
    for worker in alive.values():
        worker.wait_for("partitions_assigned", 120)
    for n in range(10):
        time.sleep(KILL_EVERY_S)
        name = "kill-a" if n % 2 == 0 else "kill-b"
        alive[name].kill()
        alive[name] = start(name, static=True)  # same group.instance.id: same partitions back
    outcome.notes.append(f"10 kills, one every {KILL_EVERY_S:g} s, static membership")


def scale(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
    first = start("scale-1")
    first.wait_for("partitions_assigned", 120)
    time.sleep(10.0)
    extra = [start("scale-2"), start("scale-3")]
    for worker in extra:
        worker.wait_for("partitions_assigned", 120)
    time.sleep(20.0)
    for worker in extra:
        worker.stop(timeout=120)
    time.sleep(10.0)
    outcome.notes.append("1 -> 3 -> 1")


def broker_outage(broker: KafkaBroker) -> Callable[..., None]:
    def body(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
        a = start("outage-a")
        start("outage-b")  # a second member, so the outage hits a group, not one consumer
        a.wait_for("partitions_assigned", 120)
        time.sleep(8.0)
        before = outputs(settings)
        logged = sum(len(w.raw) for w in workers)
        broker.halt()
        time.sleep(30.0)
        during = sum(len(w.raw) for w in workers) - logged
        restarting = time.monotonic()
        broker.restart()
        back = time.monotonic()
        first = None
        while time.monotonic() - back < 180:
            if outputs(settings) > before:
                first = time.monotonic() - back
                break
            time.sleep(0.25)
        time.sleep(10.0)
        outcome.notes.append(
            f"broker down 30 s: {during} log lines from {len(workers)} workers meanwhile; broker ready "
            f"{back - restarting:.1f} s after its restart; first output "
            + (f"{first:.1f} s after the broker was back" if first is not None else "not within 180 s")
        )

    return body


def outputs(settings: Settings) -> int:
    """Records in the output topics now (their end offsets: markers included, enough to see one arrive)."""
    try:
        return sum(sum(end_offsets(settings.kafka.bootstrap_servers, t.output_topic).values()) for t in settings.tasks)
    except Exception:  # noqa: BLE001 - the broker is just coming back; not yet is an answer
        return -1


def rejected(broker: KafkaBroker) -> Callable[..., None]:
    def body(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
        from kafka.admin import ConfigResource, ConfigResourceType

        topic = settings.task("headline").output_topic
        a, b = start("rejected-a"), start("rejected-b")
        for worker in (a, b):
            worker.wait_for("partitions_assigned", 120)
        time.sleep(10.0)
        # The limit applies to a record batch (value, headers and framing): the median single-record
        # batch of the headlines so far, so that about half of those to come are refused.
        sizes = sorted(
            len(r.value or b"") + sum(len(k) + len(v) for k, v in r.headers.items()) + 100
            for r in read_topic(broker.bootstrap, topic)
        )
        limit = sizes[len(sizes) // 2] if sizes else 600
        admin = clients.admin(broker.bootstrap, "bench-faults")
        try:
            config = ConfigResource(ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": str(limit)})
            admin.alter_configs([config], raise_on_unknown=False)
        finally:
            admin.close()
        time.sleep(30.0)
        outcome.notes.append(f"{topic} limited to {limit} bytes after 10 s")

    return body


def zombie(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
    a, b = start("zombie-a", commit_delay_s=ZOMBIE_COMMIT_DELAY_S), start("zombie-b")
    for worker in (a, b):
        worker.wait_for("partitions_assigned", 120)
    time.sleep(10.0)
    held = a.assigned() or []
    earlier = len(b.events("partitions_assigned"))
    a.pause()
    paused = time.monotonic()
    b.wait_for("partitions_assigned", 120, lambda e: len(b.events("partitions_assigned")) > earlier)
    every = b.events("partitions_assigned")[-1]
    taken = time.monotonic() - paused
    time.sleep(5.0)  # the new owner publishes what the zombie held
    pause_s = time.monotonic() - paused
    a.resume()
    time.sleep(20.0)
    given_up = len(a.events("partition_given_up"))  # each: a fenced transaction or offsets commit, never committed
    rejoined = len(a.events("partitions_assigned")) > 1
    state = "alive" if a.proc.poll() is None else f"exited {a.proc.returncode}"
    outcome.notes.append(
        f"paused {pause_s:.0f} s holding partitions {held} (transactions held open "
        f"{ZOMBIE_COMMIT_DELAY_S:g} s), taken over after {taken:.0f} s (session {settings.kafka.session_timeout_s:g} s, "
        f"{len(every['partitions'])} partitions); on resume {given_up} partitions given up, "
        f"{'rejoined' if rejoined else 'not rejoined'}, {state}"
    )


def txn_input(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
    a, b = start("txn-a"), start("txn-b")
    for worker in (a, b):
        worker.wait_for("partitions_assigned", 120)
    time.sleep(15.0)
    outcome.feed.paused.set()
    idle = 3 * settings.progress_timeout_s
    time.sleep(idle)  # nothing new: the markers must not look like lag to the watchdog
    outcome.feed.paused.clear()
    time.sleep(10.0)
    alive = sum(1 for w in workers if w.proc.poll() is None)
    outcome.notes.append(f"idle {idle:.0f} s (progress timeout {settings.progress_timeout_s:g} s); {alive}/2 workers alive")


def slow_join(settings: Settings, start: Callable[..., WorkerProcess], workers: list[WorkerProcess], outcome: Outcome) -> None:
    a = start("slow-a")
    a.wait_for("partitions_assigned", 120)
    time.sleep(15.0)
    b = start("slow-b")
    b.wait_for("partitions_assigned", 120)
    revoked = a.events("partitions_revoked")
    time.sleep(20.0)
    assignments = sum(len(w.events("partitions_assigned")) for w in workers)
    outcome.notes.append(
        f"batches >= 11 s, max.poll.interval 10 s; revocation took {revoked[0]['seconds'] if revoked else '?'} s; {assignments} assignments"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="kill9,scale,broker,slow_join,rejected,zombie,txn_input")
    parser.add_argument("--rate", type=float, default=8.0, help="input items per second during each scenario")
    parser.add_argument("--kill-every", type=float, default=KILL_EVERY_S, help="seconds between kill -9s")
    parser.add_argument("--modes", default="at_least_once,exactly_once", help="delivery modes to run every scenario in")
    args = parser.parse_args()
    globals()["KILL_EVERY_S"] = args.kill_every
    chosen = args.only.split(",")
    model = build_tiny_model(Path(tempfile.mkdtemp(prefix="finnews-faults-")) / "tiny")
    broker = KafkaBroker()
    broker.start()
    print(f"apache kafka on {broker.bootstrap}", flush=True)
    outcomes = []
    try:
        plans: dict[str, tuple[Callable[..., None], dict[str, Any]]] = {
            "kill9": (kill9, {"settings_overrides": {"kafka": {"session_timeout_s": 30.0}}}),
            "scale": (scale, {}),
            "broker": (broker_outage(broker), {}),
            "rejected": (rejected(broker), {}),
            "zombie": (zombie, {}),
            "txn_input": (txn_input, {"feed_transactions": 5, "settings_overrides": {"progress_timeout_s": 10.0}}),
            "slow_join": (
                slow_join,
                {
                    "delay": 11.0,
                    "settings_overrides": {
                        "kafka": {"max_poll_interval_s": 10.0, "rebalance_timeout_s": 30.0},
                        "batch": {"revoke_timeout_s": 5.0},
                    },
                },
            ),
        }
        for mode in args.modes.split(","):
            for name in chosen:
                body, options = plans[name]
                rate = args.rate if name != "slow_join" else 1.0
                outcome = scenario(name, broker, model, rate, body, mode=Delivery(mode).value, **options)
                outcomes.append(outcome)
                print(outcome.line(), flush=True)
    finally:
        broker.stop()
    lost = sum(o.lost for o in outcomes)
    dup = sum(o.dup for o in outcomes if o.mode == Delivery.at_least_once.value)
    dup_eos = sum(o.dup for o in outcomes if o.mode == Delivery.exactly_once.value)
    stalled = max((o.stalled_s for o in outcomes), default=0.0)
    print(f"lost={lost} dup={dup} dup_eos={dup_eos} stalled_s={stalled:.1f}")


if __name__ == "__main__":
    main()
