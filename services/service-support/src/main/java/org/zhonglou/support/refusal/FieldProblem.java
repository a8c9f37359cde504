package org.zhonglou.support.refusal;

/** One invalid input: {@code field} is a JSON path such as {@code child.dateOfBirth} or {@code [3].value}. */
public record FieldProblem(String field, String message) {
}
