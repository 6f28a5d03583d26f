package okno.server;

/** Entry point of the {@code okno} command line. */
public final class OknoMain
{
    private OknoMain()
    {
    }

    public static void main(final String[] args)
    {
        System.out.println("okno");
    }
}
