package org.zhonglou.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ServerId;
import com.mongodb.connection.ClusterId;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class StoreUnavailableTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void storeOutagesAre503WithRetryAfterHoweverTheyArriveWrapped() {
        MongoConnectionPoolClearedException paused = new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017)),
                new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 27017)));
        for (Exception outage : new Exception[] {
                new UncategorizedMongoDbException("Connection pool paused", paused),
                new DataAccessResourceFailureException("gone"),
                new MongoTimeoutException("Timed out while waiting for a server"),
                new IllegalStateException("wrapped", new MongoSocketOpenException("refused",
                        new ServerAddress("127.0.0.1", 27017)))}) {

            ResponseEntity<ProblemDetail> answer = handler.unexpected(outage);

            assertThat(answer.getStatusCode().value()).as(outage.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(Problems.PROBLEM_JSON);
            assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/unavailable");
        }
    }

    @Test
    void otherFailuresStayDefects() {
        for (Exception defect : new Exception[] {new IllegalStateException("bug"),
                new UncategorizedMongoDbException("bad update", new IllegalArgumentException("x")),
                new IOException("client went away")}) {
            assertThat(handler.unexpected(defect).getStatusCode().value()).as(defect.toString()).isEqualTo(500);
        }
    }
}
