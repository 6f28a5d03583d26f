package okno.protocol.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Strict JSON reading and writing for the API: unknown fields, wrong types and malformed JSON become a
 * 400 that names the field, never an exception trace.
 */
public final class JsonBodies
{
    private final ObjectMapper mapper = strictMapper();

    /** Unknown fields, nulls for primitives, trailing tokens and every scalar coercion ("5" for 5) are errors. */
    private static ObjectMapper strictMapper()
    {
        final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
        for (final LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean})
        {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (final CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
            CoercionInputShape.Float, CoercionInputShape.Boolean})
        {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** @return the mapper, configured strictly. */
    public ObjectMapper mapper()
    {
        return mapper;
    }

    /**
     * @return the body as {@code type}
     * @throws ApiException 400 for an empty body, malformed JSON, an unknown field or a wrong type
     */
    public <T> T read(final byte[] body, final Class<T> type)
    {
        if (body.length == 0)
        {
            throw ApiException.badRequest("missing_body", "A JSON body is required.");
        }
        try
        {
            final T value = mapper.readValue(body, type);
            if (value == null)
            {
                throw ApiException.badRequest("missing_body", "A JSON object is required, not null.");
            }
            return value;
        }
        catch (final UnrecognizedPropertyException ex)
        {
            final String known = ex.getKnownPropertyIds() == null ? "" : ex.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw ApiException.badRequest("unknown_field",
                "Unknown field '" + ex.getPropertyName() + "'; allowed fields: " + known + ".");
        }
        catch (final MismatchedInputException ex)
        {
            final String field = fieldPath(ex);
            throw ApiException.badRequest("bad_field", field.isEmpty()
                ? "The body must be a JSON object of the documented shape."
                : "Field '" + field + "' has the wrong type or value.");
        }
        catch (final JsonProcessingException ex)
        {
            throw ApiException.badRequest("malformed_json", "The body is not valid JSON: "
                + ex.getOriginalMessage() + ".");
        }
        catch (final IOException ex)
        {
            throw ApiException.badRequest("malformed_json", "The body could not be read: " + ex.getMessage());
        }
    }

    /** @return the value serialised as UTF-8 JSON. */
    public byte[] write(final Object value)
    {
        try
        {
            return mapper.writeValueAsBytes(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), ex);
        }
    }

    private static String fieldPath(final JsonMappingException ex)
    {
        return ex.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    }
}
