/**
 * Reference data shared by all features: places, activities and languages.
 */
package org.zeitspende.reference;
