package com.gridpivot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A text field takes a JSON string and nothing else: Jackson's default turns {@code "name": false} into the name
 * "false" and {@code "name": 123} into "123". Here a boolean or a number where a string is declared is refused, so the
 * answer is a 400 problem naming the field ({@link ProblemMappers#jsonError}), for every request record at once.
 * And a text field of a request holds at most its {@link TextLimits} length.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("text-limits").addDeserializer(String.class, new TextLimits.LimitedStringDeserializer()));
    }
}
