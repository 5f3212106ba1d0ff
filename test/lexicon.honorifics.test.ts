/** The honorifics table: titles before a name, with the gender they imply, read as the matchers read them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HONORIFIC_GENDER, honorificKey } from '../src/stages/lexicon/honorifics.js';

describe('lexicon: honorifics', () => {
  it('honorifics: keys are lower case without the full stop, whatever the case of the word', () => {
    assert.equal(honorificKey('Mrs.'), 'mrs');
    assert.equal(honorificKey('MR'), 'mr');
    assert.equal(honorificKey('Comrade'), 'comrade');
    assert.equal(honorificKey('Citizen'), 'citizen');
    assert.equal(honorificKey('Tuesday'), undefined);
  });

  it('honorifics: a title gives its gender, or none when it has none', () => {
    assert.equal(HONORIFIC_GENDER.get('lady'), 'female');
    assert.equal(HONORIFIC_GENDER.get('sir'), 'male');
    assert.equal(HONORIFIC_GENDER.get('comrade'), 'unknown');
    assert.equal(HONORIFIC_GENDER.get('captain'), 'unknown');
  });
});
