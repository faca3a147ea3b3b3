/**
 * Fair rotation: who is asked next, least recently asked first.
 */
package org.zeitspende.rotation;
