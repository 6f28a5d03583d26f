package okno.engine.state;

import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import okno.engine.api.Result;
import okno.engine.api.WindowMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Skills follow the person: a window serves its desk's services and, while someone sits at it, the services that
 * person is trained for. On the small network north's w1 desk has passport and tax; egor is trained for benefit,
 * anna for nothing beyond the desk.
 */
class StaffSkillsTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    @Test
    void aTrainedMemberServesTheirServiceAtADeskWithoutIt()
    {
        final int benefit = d.issue("north", "benefit");
        d.open("north", "w1", "anna");
        d.rejected(Result.NOTHING_TO_CALL, d.windowCommand(CommandType.CALL_NEXT, "north", "w1"));
        d.act(CommandType.CLOSE_WINDOW, "north", "w1");
        d.open("north", "w1", "egor");
        assertEquals(benefit, d.callNext("north", "w1"));
        d.act(CommandType.START_SERVICE, "north", "w1");
        d.advanceMinutes(12);
        d.act(CommandType.COMPLETE_SERVICE, "north", "w1");
        assertEquals(1, d.state.counters(0).done());
    }

    @Test
    void theDesksOwnLinesComeFirstAndTheTrainingLeavesWithTheMember()
    {
        d.open("north", "w1", "egor");
        final int benefit = d.issue("north", "benefit");
        d.advanceMinutes(1);
        final int passport = d.issue("north", "passport");
        assertEquals(passport, d.callNext("north", "w1"), "desk weight 5 beats the trained weight 1");
        d.act(CommandType.START_SERVICE, "north", "w1");
        d.act(CommandType.COMPLETE_SERVICE, "north", "w1");
        assertEquals(benefit, d.callNext("north", "w1"));
        d.act(CommandType.START_SERVICE, "north", "w1");
        d.act(CommandType.COMPLETE_SERVICE, "north", "w1");

        final int next = d.issue("north", "benefit");
        assertTrue(d.ticket("north", next).etaSeconds() >= 0, "egor's window serves benefit: the wait is known");
        d.act(CommandType.CLOSE_WINDOW, "north", "w1");
        assertEquals(EtaPredictor.UNKNOWN, d.ticket("north", next).etaSeconds(), "nobody open serves benefit now");
        d.open("north", "w1", "anna");
        d.rejected(Result.NOTHING_TO_CALL, d.windowCommand(CommandType.CALL_NEXT, "north", "w1"));
        d.state.validateInternalState();
    }

    @Test
    void aBreakKeepsTheMembersServicesForTheirReturn()
    {
        d.open("north", "w1", "egor");
        d.act(CommandType.BREAK_WINDOW, "north", "w1");
        final int benefit = d.issue("north", "benefit");
        assertEquals(EtaPredictor.UNKNOWN, d.ticket("north", benefit).etaSeconds(), "the window is paused");
        d.open("north", "w1", "egor");
        assertEquals(WindowMode.OPEN, d.state.window(0, 0).mode());
        assertEquals(benefit, d.callNext("north", "w1"));
        d.state.validateInternalState();
    }

    @Test
    void aRestoredSnapshotServesWhatTheSeatedMembersAreTrainedFor() throws IOException
    {
        d.open("north", "w1", "egor");
        final int benefit = d.issue("north", "benefit");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            d.state.writeSnapshot(out);
        }
        final EngineDriver restored = new EngineDriver(d.config, new NetworkState(d.config)).at(d.now());
        restored.state.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        restored.state.validateInternalState();
        assertEquals(d.state.stateHash(), restored.state.stateHash());
        assertEquals(d.ticket("north", benefit).etaSeconds(), restored.ticket("north", benefit).etaSeconds());
        assertEquals(benefit, restored.callNext("north", "w1"));
    }
}
