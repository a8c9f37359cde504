package org.zhonglou.support.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether a failure of a request means "the store is away" (503, come back later) rather than a defect
 * (500). Spring translates most driver errors, but not all: a write that finds the connection pool
 * paused after a failed heartbeat arrives as an {@code UncategorizedMongoDbException} around a
 * {@link MongoConnectionPoolClearedException}, so the whole cause chain is looked at.
 */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        return Stream.<Throwable>iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause())
                .anyMatch(StoreUnavailable::itself);
    }

    private static boolean itself(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException
                || failure instanceof MongoOperationTimeoutException
                || failure instanceof MongoConnectionPoolClearedException
                || failure instanceof MongoServerUnavailableException
                || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException
                || failure instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError");
    }
}
