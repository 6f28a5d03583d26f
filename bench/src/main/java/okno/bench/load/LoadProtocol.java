package okno.bench.load;

import java.nio.ByteBuffer;

/** How one open-loop connection speaks: writes request number {@code n}, recognises whole answers. */
interface LoadProtocol
{
    /** Bytes written before the measured run (HELLO, window set-up); their answers are skipped. */
    int setUpRequests(ByteBuffer out);

    /** @return how many answers {@link #setUpRequests} produces. */
    int setUpAnswers();

    /** Writes request {@code n} of this connection; returns false when {@code out} has no room. */
    boolean writeRequest(ByteBuffer out, long n);

    /**
     * Consumes one whole answer from {@code in} (flipped for reading) if there is one.
     *
     * @return -1 when no whole answer is buffered, else 0 for a success and 1 for a refusal
     */
    int readAnswer(ByteBuffer in);
}
