var I=globalThis,O=I.ShadowRoot&&(I.ShadyCSS===void 0||I.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,G=Symbol(),de=new WeakMap,E=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==G)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(O&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=de.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&de.set(t,e))}return e}toString(){return this.cssText}},ce=i=>new E(typeof i=="string"?i:i+"",void 0,G),L=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,r,n)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+i[n+1],i[0]);return new E(t,i,G)},le=(i,e)=>{if(O)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=I.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,i.appendChild(s)}},q=O?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return ce(t)})(i):i;var{is:We,defineProperty:Ke,getOwnPropertyDescriptor:Ye,getOwnPropertyNames:Je,getOwnPropertySymbols:Ze,getPrototypeOf:Qe}=Object,z=globalThis,pe=z.trustedTypes,Xe=pe?pe.emptyScript:"",et=z.reactiveElementPolyfillSupport,C=(i,e)=>i,W={toAttribute(i,e){switch(e){case Boolean:i=i?Xe:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},he=(i,e)=>!We(i,e),ue={attribute:!0,type:String,converter:W,reflect:!1,useDefault:!1,hasChanged:he};Symbol.metadata??=Symbol("metadata"),z.litPropertyMetadata??=new WeakMap;var g=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=ue){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&Ke(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:n}=Ye(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:r,set(o){let p=r?.call(this);n?.call(this,o),this.requestUpdate(e,p,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??ue}static _$Ei(){if(this.hasOwnProperty(C("elementProperties")))return;let e=Qe(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(C("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(C("properties"))){let t=this.properties,s=[...Je(t),...Ze(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(q(r))}else e!==void 0&&t.push(q(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return le(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:W).toAttribute(t,s.type);this._$Em=e,n==null?this.removeAttribute(r):this.setAttribute(r,n),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let n=s.getPropertyOptions(r),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:W;this._$Em=r;let p=o.fromAttribute(t,n.type);this[r]=p??this._$Ej?.get(r)??p,this._$Em=null}}requestUpdate(e,t,s,r=!1,n){if(e!==void 0){let o=this.constructor;if(r===!1&&(n=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??he)(n,t)||s.useDefault&&s.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:n},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),n!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,n]of this._$Ep)this[r]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,n]of s){let{wrapped:o}=n,p=this[r];o!==!0||this._$AL.has(r)||p===void 0||this.C(r,void 0,n,p)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};g.elementStyles=[],g.shadowRootOptions={mode:"open"},g[C("elementProperties")]=new Map,g[C("finalized")]=new Map,et?.({ReactiveElement:g}),(z.reactiveElementVersions??=[]).push("2.1.2");var ee=globalThis,fe=i=>i,D=ee.trustedTypes,me=D?D.createPolicy("lit-html",{createHTML:i=>i}):void 0,$e="$lit$",b=`lit$${Math.random().toFixed(9).slice(2)}$`,xe="?"+b,tt=`<${xe}>`,$=document,P=()=>$.createComment(""),R=i=>i===null||typeof i!="object"&&typeof i!="function",te=Array.isArray,st=i=>te(i)||typeof i?.[Symbol.iterator]=="function",K=`[ 	
\f\r]`,k=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ge=/-->/g,_e=/>/g,v=RegExp(`>|${K}(?:([^\\s"'>=/]+)(${K}*=${K}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),be=/'/g,ve=/"/g,Ae=/^(?:script|style|textarea|title)$/i,se=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),c=se(1),ut=se(2),ht=se(3),x=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),ye=new WeakMap,y=$.createTreeWalker($,129);function we(i,e){if(!te(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return me!==void 0?me.createHTML(e):e}var it=(i,e)=>{let t=i.length-1,s=[],r,n=e===2?"<svg>":e===3?"<math>":"",o=k;for(let p=0;p<t;p++){let a=i[p],u,h,l=-1,m=0;for(;m<a.length&&(o.lastIndex=m,h=o.exec(a),h!==null);)m=o.lastIndex,o===k?h[1]==="!--"?o=ge:h[1]!==void 0?o=_e:h[2]!==void 0?(Ae.test(h[2])&&(r=RegExp("</"+h[2],"g")),o=v):h[3]!==void 0&&(o=v):o===v?h[0]===">"?(o=r??k,l=-1):h[1]===void 0?l=-2:(l=o.lastIndex-h[2].length,u=h[1],o=h[3]===void 0?v:h[3]==='"'?ve:be):o===ve||o===be?o=v:o===ge||o===_e?o=k:(o=v,r=void 0);let _=o===v&&i[p+1].startsWith("/>")?" ":"";n+=o===k?a+tt:l>=0?(s.push(u),a.slice(0,l)+$e+a.slice(l)+b+_):a+b+(l===-2?p:_)}return[we(i,n+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},T=class i{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let n=0,o=0,p=e.length-1,a=this.parts,[u,h]=it(e,t);if(this.el=i.createElement(u,s),y.currentNode=this.el.content,t===2||t===3){let l=this.el.content.firstChild;l.replaceWith(...l.childNodes)}for(;(r=y.nextNode())!==null&&a.length<p;){if(r.nodeType===1){if(r.hasAttributes())for(let l of r.getAttributeNames())if(l.endsWith($e)){let m=h[o++],_=r.getAttribute(l).split(b),U=/([.?@])?(.*)/.exec(m);a.push({type:1,index:n,name:U[2],strings:_,ctor:U[1]==="."?J:U[1]==="?"?Z:U[1]==="@"?Q:w}),r.removeAttribute(l)}else l.startsWith(b)&&(a.push({type:6,index:n}),r.removeAttribute(l));if(Ae.test(r.tagName)){let l=r.textContent.split(b),m=l.length-1;if(m>0){r.textContent=D?D.emptyScript:"";for(let _=0;_<m;_++)r.append(l[_],P()),y.nextNode(),a.push({type:2,index:++n});r.append(l[m],P())}}}else if(r.nodeType===8)if(r.data===xe)a.push({type:2,index:n});else{let l=-1;for(;(l=r.data.indexOf(b,l+1))!==-1;)a.push({type:7,index:n}),l+=b.length-1}n++}}static createElement(e,t){let s=$.createElement("template");return s.innerHTML=e,s}};function A(i,e,t=i,s){if(e===x)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,n=R(e)?void 0:e._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),n===void 0?r=void 0:(r=new n(i),r._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=A(i,r._$AS(i,e.values),r,s)),e}var Y=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??$).importNode(t,!0);y.currentNode=r;let n=y.nextNode(),o=0,p=0,a=s[0];for(;a!==void 0;){if(o===a.index){let u;a.type===2?u=new H(n,n.nextSibling,this,e):a.type===1?u=new a.ctor(n,a.name,a.strings,this,e):a.type===6&&(u=new X(n,this,e)),this._$AV.push(u),a=s[++p]}o!==a?.index&&(n=y.nextNode(),o++)}return y.currentNode=$,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},H=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=A(this,e,t),R(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==x&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):st(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&R(this._$AH)?this._$AA.nextSibling.data=e:this.T($.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=T.createElement(we(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let n=new Y(r,this),o=n.u(this.options);n.p(t),this.T(o),this._$AH=n}}_$AC(e){let t=ye.get(e.strings);return t===void 0&&ye.set(e.strings,t=new T(e)),t}k(e){te(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let n of e)r===t.length?t.push(s=new i(this.O(P()),this.O(P()),this,this.options)):s=t[r],s._$AI(n),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=fe(e).nextSibling;fe(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},w=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,n){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=d}_$AI(e,t=this,s,r){let n=this.strings,o=!1;if(n===void 0)e=A(this,e,t,0),o=!R(e)||e!==this._$AH&&e!==x,o&&(this._$AH=e);else{let p=e,a,u;for(e=n[0],a=0;a<n.length-1;a++)u=A(this,p[s+a],t,a),u===x&&(u=this._$AH[a]),o||=!R(u)||u!==this._$AH[a],u===d?e=d:e!==d&&(e+=(u??"")+n[a+1]),this._$AH[a]=u}o&&!r&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},J=class extends w{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},Z=class extends w{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},Q=class extends w{constructor(e,t,s,r,n){super(e,t,s,r,n),this.type=5}_$AI(e,t=this){if((e=A(this,e,t,0)??d)===x)return;let s=this._$AH,r=e===d&&s!==d||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,n=e!==d&&(s===d||r);r&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},X=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){A(this,e)}};var rt=ee.litHtmlPolyfillSupport;rt?.(T,H),(ee.litHtmlVersions??=[]).push("3.3.3");var Se=(i,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let n=t?.renderBefore??null;s._$litPart$=r=new H(e.insertBefore(P(),n),n,void 0,t??{})}return r._$AI(i),r};var ie=globalThis,f=class extends g{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Se(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return x}};f._$litElement$=!0,f.finalized=!0,ie.litElementHydrateSupport?.({LitElement:f});var nt=ie.litElementPolyfillSupport;nt?.({LitElement:f});(ie.litElementVersions??=[]).push("4.2.2");var V="back_relief",j=["inversion","stretch","rest","exercise"],re=["exercise","rest","inversion"],ne={exercise:"Exercise",stretch:"Stretch",inversion:"Inversion",rest:"Rest"},Ee=["sensor.session","sensor.session_ends","sensor.pain_level","switch.flare_up",...re.flatMap(i=>[`sensor.${i}_today`,`sensor.${i}_streak`]),...j.map(i=>`number.${i}_duration`)],Ce=Array.from({length:11},(i,e)=>e),S=new Set(["unavailable","unknown"]);function ot(i){let e=i.identifiers.find(([t])=>t===V);if(e)return{entryId:e[1],deviceId:i.id,name:i.name_by_user||i.name||""}}function M(i){let e=[];for(let t of Object.values(i.devices??{})){let s=t&&ot(t);s&&e.push(s)}return e.sort((t,s)=>t.name.localeCompare(s.name)||t.entryId.localeCompare(s.entryId))}function ke(i,e){let t=M(i);return e?t.find(s=>s.entryId===e):t.length===1?t[0]:void 0}function Pe(i,e){let t={};for(let s of Object.values(i.entities??{})){if(!s||s.device_id!==e||s.platform!==V||!s.translation_key)continue;let r=s.entity_id.split(".",1)[0];t[`${r}.${s.translation_key}`]=s.entity_id}return t}function B(i){if(typeof i!="string"||S.has(i))return;let e=Date.parse(i);return Number.isNaN(e)?void 0:e}function Re(i,e){if(!i||S.has(i.state))return{status:"unavailable"};if(i.state==="idle")return{status:"idle"};let t=i.state,s=typeof i.attributes.planned_minutes=="number"?i.attributes.planned_minutes:void 0;if(i.attributes.status==="paused")return{status:"paused",activity:t,plannedMinutes:s,endsAt:B(i.attributes.ends_at),pausedAt:B(i.attributes.paused_at)};let r=B(e?.state)??B(i.attributes.ends_at);return{status:"running",activity:t,plannedMinutes:s,endsAt:r}}function Te(i,e){if(i.endsAt!==void 0){if(i.status==="running")return Math.max(0,i.endsAt-e);if(i.status==="paused"&&i.pausedAt!==void 0)return Math.max(0,i.endsAt-i.pausedAt)}}function He(i){if(i===void 0||!Number.isFinite(i))return"–:––";let e=Math.ceil(Math.max(0,i)/1e3),t=Math.floor(e/3600),s=Math.floor(e%3600/60),r=String(e%60).padStart(2,"0");return t>0?`${t}:${String(s).padStart(2,"0")}:${r}`:`${s}:${r}`}function Me(i){return(i%1e3||1e3)+5}function Ne(i){switch(i){case"running":return["pause","stop"];case"paused":return["resume","stop"];default:return[]}}function Ue(i,e){return i!=="idle"?[]:j.map(t=>{let s=Number.parseFloat(e[t]?.state??"");return Number.isFinite(s)?{activity:t,minutes:Math.round(s)}:{activity:t}})}function Ie(i){if(!i||S.has(i.state))return;let e=Number.parseFloat(i.state);if(!Number.isFinite(e))return;let t=typeof i.attributes.goal=="number"?i.attributes.goal:void 0;return t===void 0||t<=0?{minutes:e,goal:t,fraction:e>0?1:0,met:t!==void 0}:{minutes:e,goal:t,fraction:Math.min(1,Math.max(0,e/t)),met:e>=t}}function Oe(i){if(!i||S.has(i.state))return;let e=Number.parseInt(i.state,10);if(!Number.isFinite(e))return;let t=typeof i.attributes.best=="number"?i.attributes.best:void 0;return{days:e,best:t,todayMet:i.attributes.today_met===!0}}function oe(i){return i===1?"1 day":`${i} days`}function Le(i){if(!i||S.has(i.state))return;let e=Number.parseFloat(i.state);return Number.isFinite(e)?Math.round(e):void 0}function ze(i){if(!(!i||S.has(i.state)))return i.state==="on"}function De(i){if(i&&typeof i=="object"&&"message"in i){let e=i.message;if(typeof e=="string"&&e)return e}return typeof i=="string"&&i?i:"Home Assistant did not accept that."}var Be=L`
  :host {
    display: block;
    container-type: inline-size;
    --br-gap: 16px;
    --br-radius: var(--ha-card-border-radius, 12px);
    --br-accent: var(--primary-color, #03a9f4);
    --br-on-accent: var(--text-primary-color, #fff);
    --br-text: var(--primary-text-color, #212121);
    --br-muted: var(--secondary-text-color, #727272);
    --br-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --br-good: var(--success-color, #43a047);
    --br-stop: var(--error-color, #db4437);
    --br-warn: var(--warning-color, #ffa600);
  }

  .card {
    box-sizing: border-box;
    height: 100%;
    padding: var(--br-gap);
    display: grid;
    gap: var(--br-gap);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "head" "session" "goals" "pain" "error";
    color: var(--br-text);
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--br-radius);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--br-divider));
    box-shadow: var(--ha-card-box-shadow, none);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
    line-height: 1.3;
  }

  header {
    grid-area: head;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  .name {
    font-size: clamp(24px, 5cqi, 40px);
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }

  section {
    min-width: 0;
  }
  .session {
    grid-area: session;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .goals {
    grid-area: goals;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .pain {
    grid-area: pain;
  }
  .error {
    grid-area: error;
    color: var(--br-stop);
    font-size: 18px;
    overflow-wrap: anywhere;
  }
  .error:empty {
    display: none;
  }

  .heading {
    font-size: 18px;
    font-weight: 500;
    color: var(--br-muted);
    margin: 0;
  }

  button {
    font: inherit;
    color: inherit;
    min-height: 56px;
    min-width: 56px;
    border-radius: 12px;
    border: 2px solid transparent;
    padding: 8px 16px;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: 3px solid var(--br-accent);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }

  .starts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .start {
    min-height: 88px;
    background: var(--br-accent);
    color: var(--br-on-accent);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
  }
  .start .activity {
    font-size: clamp(20px, 4.5cqi, 28px);
    font-weight: 600;
  }
  .start .minutes {
    font-size: 18px;
    opacity: 0.9;
  }

  .now {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 4px 12px;
  }
  .now .activity {
    font-size: clamp(26px, 6cqi, 44px);
    font-weight: 600;
  }
  .badge {
    font-size: 18px;
    font-weight: 600;
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--br-warn);
    color: #000;
  }
  .countdown {
    font-size: clamp(72px, 22cqi, 168px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.02em;
    text-align: center;
    padding: 8px 0;
  }
  .paused .countdown {
    color: var(--br-muted);
  }
  .ends {
    text-align: center;
    font-size: 20px;
    color: var(--br-muted);
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .controls button {
    min-height: 72px;
    font-size: 24px;
    font-weight: 600;
  }
  .pause,
  .resume {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .resume {
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .stop {
    background: var(--br-stop);
    color: #fff;
  }

  .goal .row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .goal .label {
    font-size: 20px;
    font-weight: 600;
  }
  .goal .amount {
    font-size: clamp(22px, 4.5cqi, 32px);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .goal .amount small {
    font-size: 18px;
    font-weight: 400;
    color: var(--br-muted);
  }
  .bar {
    height: 14px;
    border-radius: 7px;
    background: var(--br-divider);
    overflow: hidden;
    margin: 6px 0 4px;
  }
  .bar > div {
    height: 100%;
    border-radius: 7px;
    background: var(--br-accent);
  }
  .goal.met .bar > div {
    background: var(--br-good);
  }
  .streak {
    font-size: 18px;
    color: var(--br-muted);
  }
  .streak strong {
    color: var(--br-text);
  }

  .levels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(52px, 1fr));
    gap: 8px;
    margin-top: 8px;
  }
  .level {
    min-width: 52px;
    padding: 0;
    font-size: 22px;
    font-weight: 600;
    background: transparent;
    border-color: var(--br-divider);
  }
  .level[aria-pressed="true"] {
    background: var(--br-accent);
    border-color: var(--br-accent);
    color: var(--br-on-accent);
  }
  .pain .hint {
    font-size: 16px;
    color: var(--br-muted);
  }

  .flare {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-divider);
    display: inline-flex;
    align-items: center;
    gap: 10px;
  }
  .flare .dot {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--br-divider);
  }
  .flare[aria-pressed="true"] {
    border-color: var(--br-warn);
  }
  .flare[aria-pressed="true"] .dot {
    background: var(--br-warn);
  }

  .message {
    font-size: 18px;
    padding: var(--br-gap);
  }

  /* A tablet, or a wide column: session beside the goals, pain below. */
  @container (min-width: 720px) {
    .card {
      --br-gap: 24px;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: "head head" "session goals" "pain pain" "error error";
      column-gap: 40px;
    }
    .starts {
      gap: 16px;
    }
    .start {
      min-height: 112px;
    }
    .levels {
      grid-template-columns: repeat(11, minmax(52px, 1fr));
    }
  }
`,Ve=L`
  :host {
    display: block;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 6px;
    font-size: 16px;
    color: var(--primary-text-color, #212121);
  }
  select {
    font: inherit;
    min-height: 48px;
    padding: 8px 12px;
    border-radius: 8px;
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
    color: var(--primary-text-color, #212121);
    background: var(--card-background-color, #fff);
  }
  p {
    color: var(--secondary-text-color, #727272);
  }
`;var F=class extends f{static{this.styles=Ve}static{this.properties={hass:{attribute:!1},_config:{state:!0}}}setConfig(e){this._config=e}shouldUpdate(e){return!e.has("hass")||e.size>1?!0:e.get("hass")?.devices!==this.hass?.devices}render(){if(!this.hass||!this._config)return c``;let e=M(this.hass);if(e.length===0)return c`<p>
        Nobody has Back Relief yet. Add it for a person under Settings → Devices &amp; services,
        then come back here.
      </p>`;let t=this._config.config_entry_id??"",s=e.some(r=>r.entryId===t);return c`<label>
      Person
      <select @change=${this._changed}>
        ${s?"":c`<option value="" ?selected=${!0} disabled>Choose a person</option>`}
        ${e.map(r=>c`<option value=${r.entryId} ?selected=${r.entryId===t}>
              ${r.name}
            </option>`)}
      </select>
    </label>`}_changed(e){let t=e.target.value;!this._config||!t||t===this._config.config_entry_id||(this._config={...this._config,config_entry_id:t},this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:this._config},bubbles:!0,composed:!0})))}};function je(i,e){let t=[];for(let[s,r]of e)if(!i.get(s))try{i.define(s,r),t.push(s)}catch(n){console.warn(`Back Relief: could not define <${s}>`,n)}return t}function Fe(i,e,t="home-assistant"){let s=i();return je(s,e),s.whenDefined(t).then(()=>{let r=i();return r===s?[]:je(r,e)})}var N="back-relief-card",qe="back-relief-card-editor",Ge={exercise:"Exercise",rest:"Rest",inversion:"Inversion"},at={pause:"Pause",resume:"Resume",stop:"Stop"},ae=class extends f{constructor(){super();this._ids={};this._session={status:"unavailable"};this._busy=!1,this._error=""}static{this.styles=Be}static{this.properties={hass:{attribute:!1},_config:{state:!0},_busy:{state:!0},_error:{state:!0}}}static getConfigElement(){return document.createElement(qe)}static getStubConfig(t){let s=M(t)[0];return s?{type:`custom:${N}`,config_entry_id:s.entryId}:{type:`custom:${N}`}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.config_entry_id!==void 0&&typeof t.config_entry_id!="string")throw new Error("config_entry_id must be the id of a Back Relief entry");this._config=t}getCardSize(){return 10}getGridOptions(){return{columns:12,rows:"auto",min_columns:6}}connectedCallback(){super.connectedCallback(),this._syncCountdown()}disconnectedCallback(){super.disconnectedCallback(),this._stopTimer()}shouldUpdate(t){if(!t.has("hass")||t.size>1)return!0;let s=t.get("hass"),r=this.hass;return!s||!r||s.devices!==r.devices||s.entities!==r.entities||s.locale!==r.locale?!0:Ee.some(n=>{let o=this._ids[n];return o!==void 0&&s.states[o]!==r.states[o]})}willUpdate(t){let s=this.hass;if(!s)return;let r=t.get("hass"),n=t.has("hass")&&(!r||r.devices!==s.devices||r.entities!==s.entities);(t.has("_config")||n)&&(this._person=ke(s,this._config?.config_entry_id),this._ids=this._person?Pe(s,this._person.deviceId):{}),this._session=Re(this._state("sensor.session"),this._state("sensor.session_ends"))}updated(){this._syncCountdown()}_state(t){let s=this._ids[t];return s?this.hass?.states[s]:void 0}render(){if(window.__backReliefRenders=(window.__backReliefRenders??0)+1,!this.hass||!this._config)return c``;let t=this._person;if(!t){let s=this._config.config_entry_id;return c`<div class="card">
        <div class="message">
          ${s?`No Back Relief person with the entry id ${s}. Choose one in the card's editor.`:"Choose a person in the card's editor."}
        </div>
      </div>`}return c`<div class="card" role="group" aria-label=${`Back Relief: ${t.name}`}>
      <header>
        <div class="name">${t.name}</div>
        ${this._renderFlareUp()}
      </header>
      ${this._renderSession()} ${this._renderGoals()} ${this._renderPain()}
      <div class="error" role="alert">${this._error}</div>
    </div>`}_renderFlareUp(){let t=ze(this._state("switch.flare_up"));return t===void 0?d:c`<button
      class="flare"
      aria-pressed=${t?"true":"false"}
      ?disabled=${this._busy}
      title=${t?"Streaks are paused today":"Pause the streaks on a bad day"}
      @click=${()=>this._toggleFlareUp(t)}
    >
      <span class="dot"></span>${t?"Flare-up: on · streaks paused":"Flare-up: off"}
    </button>`}_renderSession(){let t=this._session;if(t.status==="unavailable")return c`<section class="session"><p class="heading">Session unavailable</p></section>`;if(t.status==="idle"){let r={};for(let n of j)r[n]=this._state(`number.${n}_duration`);return c`<section class="session idle">
        <h2 class="heading">Start a session</h2>
        <div class="starts">
          ${Ue(t.status,r).map(({activity:n,minutes:o})=>c`<button
                class="start"
                data-activity=${n}
                ?disabled=${this._busy}
                @click=${()=>this._start(n,o)}
              >
                <span class="activity">${ne[n]}</span>
                ${o===void 0?d:c`<span class="minutes">${o} min</span>`}
              </button>`)}
        </div>
      </section>`}let s=t.activity?ne[t.activity]??t.activity:"";return c`<section class="session ${t.status}">
      <div class="now">
        <span class="activity">${s}</span>
        ${t.status==="paused"?c`<span class="badge">Paused</span>`:d}
      </div>
      <div class="countdown" role="timer" aria-label="Time left"></div>
      <div class="ends">${this._endsText(t)}</div>
      <div class="controls">
        ${Ne(t.status).map(r=>c`<button
              class=${r}
              ?disabled=${this._busy}
              @click=${()=>this._call(`${r}_session`)}
            >
              ${at[r]}
            </button>`)}
      </div>
    </section>`}_endsText(t){let s=t.plannedMinutes?`${t.plannedMinutes} min session`:"";if(t.status!=="running"||t.endsAt===void 0)return s;let r=new Intl.DateTimeFormat(this.hass?.locale?.language,{hour:"numeric",minute:"2-digit"}).format(new Date(t.endsAt));return s?`${s} · ends at ${r}`:`Ends at ${r}`}_renderGoals(){return c`<section class="goals">
      <h2 class="heading">Today</h2>
      ${re.map(t=>{let s=Ie(this._state(`sensor.${t}_today`)),r=Oe(this._state(`sensor.${t}_streak`));if(!s&&!r)return d;let n=Math.round((s?.fraction??0)*100);return c`<div class="goal ${s?.met?"met":""}" data-goal=${t}>
          <div class="row">
            <span class="label">${Ge[t]}</span>
            ${s?c`<span class="amount"
                  >${s.minutes}${s.goal===void 0?d:c`<small> / ${s.goal} min</small>`}</span
                >`:d}
          </div>
          <div
            class="bar"
            role="progressbar"
            aria-label=${`${Ge[t]} today`}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${n}
          >
            <div style="width: ${n}%"></div>
          </div>
          ${r?c`<div class="streak">
                Streak <strong>${oe(r.days)}</strong>${r.best?c` · best ${oe(r.best)}`:d}
              </div>`:d}
        </div>`})}
    </section>`}_renderPain(){if(!this._ids["sensor.pain_level"])return d;let t=Le(this._state("sensor.pain_level"));return c`<section class="pain">
      <h2 class="heading">How is your back? 0 is no pain, 10 the worst</h2>
      <div class="levels" role="group" aria-label="Pain level">
        ${Ce.map(s=>c`<button
              class="level"
              aria-pressed=${t===s?"true":"false"}
              ?disabled=${this._busy}
              @click=${()=>this._call("log_pain",{level:s})}
            >
              ${s}
            </button>`)}
      </div>
    </section>`}_syncCountdown(){this._stopTimer(),this.isConnected&&this._tick()}_tick(){this._timer=void 0;let t=this.renderRoot?.querySelector(".countdown");if(!t)return;let s=Te(this._session,Date.now()),r=He(s);t.textContent!==r&&(t.textContent=r),window.__backReliefTicks=(window.__backReliefTicks??0)+1,this._session.status==="running"&&s!==void 0&&s>0&&(this._timer=setTimeout(()=>this._tick(),Me(s)))}_stopTimer(){this._timer!==void 0&&clearTimeout(this._timer),this._timer=void 0}_start(t,s){let r={activity:t};s!==void 0&&(r.duration=s),this._call("start_session",r)}_toggleFlareUp(t){let s=this._ids["switch.flare_up"];s&&this._run(()=>this.hass.callService("switch",t?"turn_off":"turn_on",{entity_id:s}))}async _call(t,s={}){let r=this._person?.entryId;r&&await this._run(()=>this.hass.callService(V,t,{...s,config_entry_id:r}))}async _run(t){if(!(!this.hass||this._busy)){this._busy=!0,this._error="";try{await t()}catch(s){this._error=De(s)}finally{this._busy=!1}}}};Fe(()=>window.customElements,[[qe,F],[N,ae]]);window.customCards?.some(i=>i.type===N)||(window.customCards=window.customCards??[],window.customCards.push({type:N,name:"Back Relief",description:"A person's back-care routine: the session with a live countdown, goals, streaks.",preview:!0,documentationURL:"https://github.com/back-relief/back-relief#the-dashboard-card"}));export{ae as BackReliefCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
