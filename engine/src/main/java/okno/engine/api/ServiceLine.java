package okno.engine.api;

/**
 * The line for one service at one centre, part of a {@link CentreSummary}.
 *
 * @param service              service index
 * @param waiting              tickets waiting for it (all priority classes, not counting window transfers)
 * @param openWindows          open windows serving it
 * @param predictedWaitSeconds predicted wait of a ticket issued now, -1 when no open window serves the service
 */
public record ServiceLine(int service, int waiting, int openWindows, int predictedWaitSeconds)
{
}
