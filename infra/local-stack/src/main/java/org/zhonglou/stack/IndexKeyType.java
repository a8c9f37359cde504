package org.zhonglou.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's unique indexes ({@code _id} and the services' unique keys). H2's default
 * orders a {@link KeyValue}, which is not {@code Comparable}, by Java-serialising both sides of every
 * comparison: a B-tree lookup in a collection of 100,000 documents serialised ~34 objects, and profiles
 * of the benchmark showed the store spending most of its CPU there. This type compares the values
 * directly and only serialises when pages are written or read (the on-disk format is unchanged).
 * Equal keys compare as equal exactly as before (same class and equal value); the ORDER differs, so a
 * store file whose indexes were built with the old order is refused (see {@link LocalStore}).
 */
final class IndexKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int sizes = Integer.compare(left.size(), right.size());
            if (sizes != 0) {
                return sizes;
            }
            for (int i = 0; i < left.size(); i++) {
                int order = compareValues(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        }
        return super.compare(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        // Rare key types (embedded documents as ids): the serialised form, as H2 does by default.
        return super.compare(a, b);
    }
}
