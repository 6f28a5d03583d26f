package okno.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostStallsTest
{
    @Test
    void shortGapsAreTheLoopAndLongOnesDelayEveryCommandOfferedDuringThem()
    {
        final HostStalls stalls = spun(990);
        stalls.gap(10_000);
        // One 2 ms slice taken away, in a run of 990 µs + 10 µs + 2,000 µs + 7,000 µs = 10 ms.
        stalls.gap(2_000_000);
        stalls.gap(7_000_000);
        assertEquals(2, stalls.stalls());
        assertEquals(2, stalls.slices());
        assertEquals(7_000_000, stalls.maxNs());
        assertEquals((1_990_000 + 6_990_000) / 10_000_000.0, stalls.shareBeyond10us(), 1e-12);
        assertEquals((1_950_000 + 6_950_000) / 10_000_000.0, stalls.shareBeyond50us(), 1e-12);
    }

    @Test
    void threadsAddTheirStallsOverTheSameSpan()
    {
        final HostStalls producer = spun(980);
        producer.gap(20_000);
        final HostStalls engine = spun(940);
        engine.gap(60_000);
        producer.add(engine);
        assertEquals(2, producer.stalls());
        assertEquals(0, producer.slices());
        assertEquals((10_000 + 50_000) / 1_000_000.0, producer.shareBeyond10us(), 1e-12);
        assertEquals(10_000 / 1_000_000.0, producer.shareBeyond50us(), 1e-12);
    }

    /** @return stalls after {@code micros} loop turns of 1 µs each: no stall yet */
    private static HostStalls spun(final int micros)
    {
        final HostStalls stalls = new HostStalls();
        for (int i = 0; i < micros; i++)
        {
            stalls.gap(1_000);
        }
        return stalls;
    }
}
