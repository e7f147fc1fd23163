package jp.mamori.accesslog.parser;

/** Whether the recorded action succeeded. */
public enum Outcome {

	SUCCESS, FAILURE, NONE

}
