package org.zhonglou.stack;

import java.lang.reflect.Field;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2's database of mongo-java-server with documents stored as BSON ({@link BsonDocumentType}) and unique
 * indexes keyed by {@link IndexKeyType}.
 */
final class IndexedH2Database extends H2Database {

    private static final Field MV_STORE = mvStoreField();

    IndexedH2Database(String name, MVStore mvStore, CursorRegistry cursors) {
        super(name, mvStore, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        // The same map name as H2Database uses, so the layout of the file stays mongo-java-server's.
        MVMap<KeyValue, Object> map = mvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_"
                + indexName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        return new MapUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // The same map names as H2Database uses; only the documents' encoding differs (BsonDocumentType).
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = mvStore().openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        MVMap<String, Object> meta = mvStore().openMap("meta." + namespace);
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    /**
     * The super constructor already opens indexes, before a field of this class could be set; the
     * parent's own field is set by then.
     */
    private MVStore mvStore() {
        try {
            return (MVStore) MV_STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field mvStoreField() {
        try {
            Field field = H2Database.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("mongo-java-server's H2Database changed; see IndexedH2Database", e);
        }
    }
}
