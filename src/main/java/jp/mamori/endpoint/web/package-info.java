/** 端末の収集データ in the browser and the REST import. */
package jp.mamori.endpoint.web;
