package okno.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tree writer's bytes are exactly Jackson's for every kind of value the API answers with. */
class JsonTreeWriterTest
{
    private final JsonBodies json = new JsonBodies();
    private final JsonTreeWriter writer = new JsonTreeWriter(json.mapper());

    record Slot(String from, int free)
    {
    }

    @Test
    void writesWhatJacksonWrites() throws Exception
    {
        final Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "plain ascii");
        tree.put("escapes", "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 nul \u0000 del \u007f /");
        tree.put("unicode", "Тверской — ёлка 😀");
        tree.put("int", 42);
        tree.put("negative", -7L);
        tree.put("numbers", List.of(0, 9, 10, 99, 100, -1, -10, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, (short)-3, (byte)7));
        tree.put("double", 2.5);
        tree.put("big", 1.0e21);
        tree.put("nan", Double.NaN);
        tree.put("true", true);
        tree.put("false", false);
        tree.put("null", null);
        tree.put("list", List.of(1, "two", List.of(), Map.of()));
        tree.put("set", Set.of("only"));
        tree.put("record", new Slot("10:00", 3));
        tree.put("enum", DayOfWeek.MONDAY);
        tree.put("array", new int[] {1, 2});
        tree.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
        tree.put("intKeys", new TreeMap<>(Map.of(2, "b", 1, "a")));
        tree.put("key \"quoted\"\n", Arrays.asList("x", null));
        assertSame(tree);
    }

    @Test
    void randomStringsMatchJackson() throws Exception
    {
        final Random random = new Random(5);
        for (int i = 0; i < 2000; i++)
        {
            final StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--)
            {
                s.append((char)(random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD800)));
            }
            final List<Object> values = new ArrayList<>();
            values.add(s.toString());
            values.add(Map.of(s.toString(), i));
            assertSame(values);
        }
    }

    private void assertSame(final Object value) throws Exception
    {
        final ByteBuf out = Unpooled.buffer();
        writer.write(value, out);
        assertEquals(json.mapper().writeValueAsString(value), out.toString(StandardCharsets.UTF_8));
        // the second time the keys come from the cache
        out.clear();
        writer.write(value, out);
        assertEquals(json.mapper().writeValueAsString(value), out.toString(StandardCharsets.UTF_8));
    }
}
