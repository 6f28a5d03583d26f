package okno.engine.balancer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * The balancer's open proposals, best first: who moves from where to where, for which line, and the visitor time
 * it saves. A
 * proposal keeps its id while the same staff member is proposed for the same centre, so an operator can accept
 * it. Fixed arrays: a new list is built beside the current one and copied over, allocating nothing. Engine thread
 * only.
 */
public final class ProposalList
{
    private final int capacity;
    private int nextId = 1;
    private int count;
    private final int[] ids;
    private final int[] staff;
    private final int[] from;
    private final int[] to;
    private final long[] scores;
    /** Service whose line the move is for, or -1 when the centre as a whole is overloaded. */
    private final int[] lines;
    private final boolean[] fresh;
    private int building;
    private final int[] newIds;
    private final int[] newStaff;
    private final int[] newFrom;
    private final int[] newTo;
    private final long[] newScores;
    private final int[] newLines;

    ProposalList(final int capacity)
    {
        this.capacity = capacity;
        ids = new int[capacity];
        staff = new int[capacity];
        from = new int[capacity];
        to = new int[capacity];
        scores = new long[capacity];
        lines = new int[capacity];
        fresh = new boolean[capacity];
        newIds = new int[capacity];
        newStaff = new int[capacity];
        newFrom = new int[capacity];
        newTo = new int[capacity];
        newScores = new long[capacity];
        newLines = new int[capacity];
    }

    /** @return number of open proposals. */
    public int count()
    {
        return count;
    }

    /** @return id of the proposal at {@code i}. */
    public int id(final int i)
    {
        return ids[i];
    }

    /** @return staff member of the proposal at {@code i}. */
    public int staff(final int i)
    {
        return staff[i];
    }

    /** @return centre the proposal's staff member leaves. */
    public int from(final int i)
    {
        return from[i];
    }

    /** @return centre the proposal sends the staff member to. */
    public int to(final int i)
    {
        return to[i];
    }

    /** @return visitor-time saved minus travel time of the proposal, ms. */
    public long score(final int i)
    {
        return scores[i];
    }

    /** @return service whose line the proposal at {@code i} is for, or -1 when it is for the whole centre. */
    public int line(final int i)
    {
        return lines[i];
    }

    /** @return whether the proposal at {@code i} was first made by the last evaluation. */
    public boolean isNew(final int i)
    {
        return fresh[i];
    }

    /** @return index of the open proposal with that id, or -1. */
    public int find(final int id)
    {
        for (int i = 0; i < count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }
        return -1;
    }

    /** Drops the proposal at {@code i} (carried out or no longer possible), keeping the order of the rest. */
    public void remove(final int i)
    {
        final int tail = count - i - 1;
        System.arraycopy(ids, i + 1, ids, i, tail);
        System.arraycopy(staff, i + 1, staff, i, tail);
        System.arraycopy(from, i + 1, from, i, tail);
        System.arraycopy(to, i + 1, to, i, tail);
        System.arraycopy(scores, i + 1, scores, i, tail);
        System.arraycopy(lines, i + 1, lines, i, tail);
        System.arraycopy(fresh, i + 1, fresh, i, tail);
        count--;
    }

    void clear()
    {
        count = 0;
    }

    /** Starts the list an evaluation builds; the open proposals stay until {@link #publish}. */
    void startNew()
    {
        building = 0;
    }

    /** @return whether the new list has room for another proposal */
    boolean hasRoom()
    {
        return building < capacity;
    }

    /**
     * Adds a proposal to the new list, after those added before (best first).
     *
     * @param line service whose line the move is for, or -1 for the whole centre
     */
    void add(final int member, final int source, final int target, final long score, final int line)
    {
        newStaff[building] = member;
        newFrom[building] = source;
        newTo[building] = target;
        newScores[building] = score;
        newLines[building] = line;
        building++;
    }

    /** Replaces the open proposals with the new list; a proposal made before keeps its id. */
    void publish()
    {
        for (int i = 0; i < building; i++)
        {
            int id = 0;
            for (int j = 0; j < count; j++)
            {
                if (staff[j] == newStaff[i] && to[j] == newTo[i])
                {
                    id = ids[j];
                    break;
                }
            }
            fresh[i] = id == 0;
            newIds[i] = id == 0 ? nextId++ : id;
        }
        System.arraycopy(newIds, 0, ids, 0, building);
        System.arraycopy(newStaff, 0, staff, 0, building);
        System.arraycopy(newFrom, 0, from, 0, building);
        System.arraycopy(newTo, 0, to, 0, building);
        System.arraycopy(newScores, 0, scores, 0, building);
        System.arraycopy(newLines, 0, lines, 0, building);
        count = building;
    }

    void hashInto(final LongConsumer hash)
    {
        hash.accept(nextId);
        hash.accept(count);
        for (int i = 0; i < count; i++)
        {
            hash.accept(ids[i]);
            hash.accept(staff[i]);
            hash.accept(from[i]);
            hash.accept(to[i]);
            hash.accept(scores[i]);
            hash.accept(lines[i]);
            hash.accept(fresh[i] ? 1 : 0);
        }
    }

    void write(final DataOutput out) throws IOException
    {
        out.writeInt(nextId);
        out.writeInt(count);
        for (int i = 0; i < count; i++)
        {
            out.writeInt(ids[i]);
            out.writeInt(staff[i]);
            out.writeInt(from[i]);
            out.writeInt(to[i]);
            out.writeLong(scores[i]);
            out.writeInt(lines[i]);
            out.writeBoolean(fresh[i]);
        }
    }

    void read(final DataInput in) throws IOException
    {
        nextId = in.readInt();
        count = in.readInt();
        if (count < 0 || count > capacity)
        {
            throw new IOException("snapshot has a corrupt balancer: " + count + " proposals");
        }
        for (int i = 0; i < count; i++)
        {
            ids[i] = in.readInt();
            staff[i] = in.readInt();
            from[i] = in.readInt();
            to[i] = in.readInt();
            scores[i] = in.readLong();
            lines[i] = in.readInt();
            fresh[i] = in.readBoolean();
        }
    }
}
